import { Injectable } from '@nestjs/common';

type Listener = (userId: string) => void;

/**
 * In-process notice that a user's earlier tokens were revoked (logout, password, role or badge
 * change), so that this instance closes that user's open WebSockets at once. Sockets on other
 * instances are closed by their periodic token re-check (WS_TOKEN_RECHECK_MS).
 */
@Injectable()
export class TokenRevocations {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  revoked(userId: string): void {
    for (const listener of this.listeners) listener(userId);
  }
}
