import { AppError } from '@app/core';
import { cleanTemplateFields, renderDetails } from './category-details';
import { Category } from './category.models';

const security: Category = {
  key: 'security',
  name: '安全咨询',
  position: 3,
  fields: [
    { key: 'device_or_city_changed', label: '手机或城市是否变更', required: true },
    { key: 'message', label: '提示的原文', required: true },
    { key: 'happened_at', label: '发生时间', required: false },
  ],
};

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.details.field : err;
  }
  return undefined;
}

describe('renderDetails', () => {
  it('renders answered fields in template order as a Markdown section', () => {
    const out = renderDetails(security, [
      { key: 'message', value: '  当前操作存在风险\n请稍后再试 ' },
      { key: 'device_or_city_changed', value: '是' },
    ]);
    expect(out).toBe(
      '\n\n### 补充信息\n- **手机或城市是否变更**：是\n- **提示的原文**：当前操作存在风险 请稍后再试',
    );
  });

  it('names the field that is missing, unknown, repeated or too long', () => {
    expect(fieldOf(() => renderDetails(security, [{ key: 'message', value: 'x' }]))).toBe(
      'details.device_or_city_changed',
    );
    expect(fieldOf(() => renderDetails(security, [{ key: 'nope', value: 'x' }]))).toBe('details');
    const dup = [
      { key: 'message', value: 'a' },
      { key: 'message', value: 'b' },
    ];
    expect(fieldOf(() => renderDetails(security, dup))).toBe('details.message');
    const long = [
      { key: 'device_or_city_changed', value: '是' },
      { key: 'message', value: '长'.repeat(501) },
    ];
    expect(fieldOf(() => renderDetails(security, long))).toBe('details.message');
  });

  it('checks template keys and labels', () => {
    expect(cleanTemplateFields([{ key: 'order_no', label: ' 订单号 ', required: true }])).toEqual([
      { key: 'order_no', label: '订单号', required: true },
    ]);
    expect(fieldOf(() => cleanTemplateFields([{ key: 'Order', label: 'x', required: false }]))).toBe(
      'fields.0.key',
    );
  });
});
