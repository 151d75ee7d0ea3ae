import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import { readToken } from './lib/token';

// Loaded on the first subscription only (signed-in visitors), to keep the first page light.

let activeSocket: WebSocket | null = null;

const wsUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** graphql-ws client: the token is read at every (re)connection, so a login only needs a restart. */
export const wsClient = createClient({
  url: wsUrl,
  lazy: true,
  retryAttempts: Infinity,
  shouldRetry: () => true,
  connectionParams: () => {
    const token = readToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  },
  on: {
    opened: (socket) => {
      activeSocket = socket as WebSocket;
    },
    closed: () => {
      activeSocket = null;
    },
  },
});

export const wsLink = new GraphQLWsLink(wsClient);

/** Reconnects the socket with the current token (after log-in or log-out). */
export function restartSocket(): void {
  if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4205, 'Client Restart');
}
