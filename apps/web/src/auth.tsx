import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { restartSocket } from './apollo';
import type { UserBitsFragment } from './gql/graphql';
import { MeQuery } from './graphql/operations';
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
  const { data, loading } = useQuery(MeQuery, { skip: !readToken(), fetchPolicy: 'cache-first' });
  const me = data?.me ?? null;

  const signIn = useCallback(
    async (token: string) => {
      writeToken(token);
      restartSocket();
      await client.resetStore();
      await client.query({ query: MeQuery, fetchPolicy: 'network-only' });
    },
    [client],
  );
  const signOut = useCallback(async () => {
    writeToken(null);
    restartSocket();
    await client.clearStore();
    client.writeQuery({ query: MeQuery, data: { me: null } });
  }, [client]);

  const value = useMemo<Auth>(() => {
    const isStaff = me?.role === 'MODERATOR' || me?.role === 'ADMIN';
    return { me, loading, signIn, signOut, isStaff, canEndorse: isStaff || Boolean(me?.isOfficial) };
  }, [me, loading, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
