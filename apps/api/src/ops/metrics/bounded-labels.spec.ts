import { OperationNameLabels, errorCodeLabel, routeLabel } from './bounded-labels';

describe('metric labels stay bounded', () => {
  it('keeps the first names, then counts new ones as (other)', () => {
    const labels = new OperationNameLabels(2);
    expect(labels.label('AskQuestion', true)).toBe('AskQuestion');
    expect(labels.label('Thread', true)).toBe('Thread');
    expect(labels.label('Random123', true)).toBe('(other)');
    expect(labels.label('AskQuestion', true)).toBe('AskQuestion');
  });

  it('names anonymous and invalid operations, and refuses odd names', () => {
    const labels = new OperationNameLabels();
    expect(labels.label(null, true)).toBe('(anonymous)');
    expect(labels.label('Anything', false)).toBe('(invalid)');
    expect(labels.label('x'.repeat(65), true)).toBe('(other)');
  });

  it('bounds codes and routes', () => {
    expect(errorCodeLabel('BAD_USER_INPUT')).toBe('BAD_USER_INPUT');
    expect(errorCodeLabel('drop table')).toBe('OTHER');
    expect(errorCodeLabel(undefined)).toBe('OTHER');
    expect(routeLabel('/graphql?query={me{id}}')).toBe('/graphql');
    expect(routeLabel('/wp-admin')).toBe('other');
  });
});
