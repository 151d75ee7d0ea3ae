import type { SearchFilter } from '../gql/graphql';

/** The search filter encoded in the URL: ?solved=1&official=1&tag=a&tag=b&category=account */
export function searchFilterFromParams(params: URLSearchParams): SearchFilter {
  const filter: SearchFilter = {};
  if (params.get('solved') === '1') filter.solvedOnly = true;
  if (params.get('official') === '1') filter.hasOfficialAnswer = true;
  const tags = [...new Set(params.getAll('tag').filter(Boolean))].slice(0, 5);
  if (tags.length) filter.tags = tags;
  const category = params.get('category');
  if (category && /^[a-z][a-z0-9_]{1,31}$/.test(category)) filter.category = category;
  return filter;
}

/** Adds the value when absent, removes it when present; paging restarts. */
export function toggleParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(key);
  next.delete(key);
  if (values.includes(value)) for (const v of values.filter((x) => x !== value)) next.append(key, v);
  else for (const v of [...values, value]) next.append(key, v);
  next.delete('after');
  return next;
}

/** Sets a single-valued parameter, or removes it when it already has that value; paging restarts. */
export function toggleSingleParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (next.get(key) === value) next.delete(key);
  else next.set(key, value);
  next.delete('after');
  return next;
}
