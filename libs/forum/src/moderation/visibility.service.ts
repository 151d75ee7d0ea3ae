import { Role, UsersService } from '@app/accounts';
import { RequestContext } from '@app/core';
import { Injectable } from '@nestjs/common';

export interface ViewerAccess {
  userId: string | null;
  isModerator: boolean;
}

/** Who may see hidden posts: moderators, and each post's own author. */
@Injectable()
export class VisibilityService {
  constructor(private readonly users: UsersService) {}

  /** The viewer's access; costs one (request-cached) user lookup when signed in. */
  async access(ctx: RequestContext): Promise<ViewerAccess> {
    if (!ctx.viewer) return { userId: null, isModerator: false };
    const user = await this.users.loader(ctx).load(ctx.viewer.userId);
    if (!user) return { userId: null, isModerator: false };
    return { userId: user.id, isModerator: user.role === Role.MODERATOR || user.role === Role.ADMIN };
  }

  async canSee(ctx: RequestContext, post: { isHidden: boolean; authorId: string }): Promise<boolean> {
    if (!post.isHidden) return true;
    const access = await this.access(ctx);
    return access.isModerator || access.userId === post.authorId;
  }

  async filter<T extends { isHidden: boolean; authorId: string }>(
    ctx: RequestContext,
    posts: T[],
  ): Promise<T[]> {
    if (!posts.some((p) => p.isHidden)) return posts;
    const access = await this.access(ctx);
    return posts.filter((p) => !p.isHidden || access.isModerator || access.userId === p.authorId);
  }
}
