import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { client } from './apollo';
import { App, Thread } from './App';
import { AuthProvider } from './auth';
import { MeQuery, ThreadQuery } from './graphql/operations';
import './i18n';
import { readToken } from './lib/token';
import './styles.css';

const root = document.getElementById('root') as HTMLElement;

/**
 * A thread opened from the server's HTML (/q/:id with the thread already on screen): the page's
 * code, the thread and the viewer are fetched together, and the client renders once they are in,
 * so the server's HTML stays until the full thread replaces it (never a spinner in between). Bounded
 * so a slow or failing request only delays the first render, the page then loads as usual.
 */
async function prepare(): Promise<void> {
  const thread = /^\/q\/([A-Za-z0-9_-]{1,64})\/?$/.exec(window.location.pathname);
  if (!thread || !root.querySelector('.ssr-thread')) return;
  const ready = Promise.allSettled([
    Thread.preload(),
    client.query({ query: ThreadQuery, variables: { id: thread[1] } }),
    readToken() ? client.query({ query: MeQuery }) : null,
  ]);
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

void prepare().then(() =>
  createRoot(root).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <BrowserRouter>
          <AuthProvider>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </ApolloProvider>
    </StrictMode>,
  ),
);
