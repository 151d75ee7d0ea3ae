import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { restartSocket } from './apollo';
import type { UserBitsFragment } from './gql/graphql';
import { LogoutMutation, MeQuery } from './graphql/operations';
import { firstError } from './lib/errors';
import { readToken, writeToken } from './lib/token';

interface Auth {
  me: UserBitsFragment | null;
  loading: boolean;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  isStaff: boolean;
  canEndorse: boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [token, setToken] = useState(readToken);
  const { data, loading, error } = useQuery(MeQuery, { skip: !token, fetchPolicy: 'cache-first' });
  const me = token ? (data?.me ?? null) : null;
  useEffect(() => {
    // An expired or revoked token: forget it instead of failing every request.
    if (firstError(error)?.code === 'UNAUTHENTICATED') {
      writeToken(null);
      setToken(null);
    }
  }, [error]);

  const signIn = useCallback(
    async (token: string) => {
      writeToken(token);
      restartSocket();
      await client.resetStore();
      await client.query({ query: MeQuery, fetchPolicy: 'network-only' });
      setToken(token);
    },
    [client],
  );
  const signOut = useCallback(async () => {
    // The server revokes the account's tokens (every device); the local sign-out happens regardless.
    if (readToken()) await client.mutate({ mutation: LogoutMutation }).catch(() => undefined);
    writeToken(null);
    restartSocket();
    setToken(null);
    await client.clearStore();
  }, [client]);

  const value = useMemo<Auth>(() => {
    const isStaff = me?.role === 'MODERATOR' || me?.role === 'ADMIN';
    return { me, loading: Boolean(token) && loading, signIn, signOut, isStaff, canEndorse: isStaff || Boolean(me?.isOfficial) };
  }, [me, loading, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
