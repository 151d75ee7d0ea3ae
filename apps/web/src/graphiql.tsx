import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

// The API explorer, bundled from npm packages: works with no internet (unlike the CDN sandbox).
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
});

createRoot(document.getElementById('graphiql') as HTMLElement).render(<GraphiQL fetcher={fetcher} />);
