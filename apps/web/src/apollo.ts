import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { getMainDefinition } from '@apollo/client/utilities';
import { from, mergeMap } from 'rxjs';
import { readToken } from './lib/token';

let ws: Promise<typeof import('./ws')> | null = null;
const loadWs = () => (ws ??= import('./ws'));

/** Subscriptions go over graphql-ws, loaded when the first one starts. */
const lazyWsLink = new ApolloLink((operation) =>
  from(loadWs()).pipe(mergeMap(({ wsLink }) => wsLink.request(operation))),
);

/** After log-in or log-out: reconnect the socket (if one was opened) with the new token. */
export function restartSocket(): void {
  if (ws) void ws.then((m) => m.restartSocket());
}

const auth = new SetContextLink((prev) => {
  const token = readToken();
  return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
});

const link = ApolloLink.split(
  ({ query }) => {
    const def = getMainDefinition(query);
    return def.kind === 'OperationDefinition' && def.operation === 'subscription';
  },
  lazyWsLink,
  auth.concat(new HttpLink({ uri: '/graphql' })),
);

export const client = new ApolloClient({
  link,
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
