import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addGroups, loadSynonyms, parseSynonymFile } from './synonyms';

describe('synonyms', () => {
  it('makes groups mutual', () => {
    const map = addGroups({}, [['账户', '账号', '帐号']]);
    expect(Object.keys(map).sort()).toEqual(['帐号', '账户', '账号'].sort());
    expect(map['账户']).toEqual(['帐号', '账号'].sort());
    expect(map['帐号']).toEqual(['账户', '账号'].sort());
  });

  it('has the built-in domain list', () => {
    const map = loadSynonyms();
    expect(map['账号']).toContain('账户');
    expect(map['封号']).toEqual(['冻结', '封禁']);
    // Reviewed against real questions: a risk-control flag is not any 异常, a frozen account is not
    // any 限制; and one-way entries only go one way.
    expect(map['风控']).not.toContain('异常');
    expect(map['冻结']).toBeUndefined();
    expect(map['登陆']).toEqual(['登录']);
    expect(map['登录']).toBeUndefined();
    expect(map['花贝']).toEqual(['花呗']);
    expect(map['退钱']).toContain('退款');
    expect(map['huabei']).toContain('花呗');
  });

  it('merges an operator file (groups or one-way map) into the built-in list', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syn-'));
    const groups = path.join(dir, 'groups.json');
    fs.writeFileSync(
      groups,
      JSON.stringify([
        ['余额宝', 'Yuebao'],
        ['账户', '户头'],
      ]),
    );
    const map = loadSynonyms(groups);
    expect(map['yuebao']).toEqual(['余额宝']);
    expect(map['账户']).toEqual(expect.arrayContaining(['账号', '户头']));
    expect(parseSynonymFile('{"解封": ["解除冻结"]}', 'f')).toEqual({ 解封: ['解除冻结'] });
    fs.rmSync(dir, { recursive: true });
  });

  it('explains a bad file', () => {
    expect(() => parseSynonymFile('{', 'syn.json')).toThrow(/syn.json: not valid JSON/);
    expect(() => parseSynonymFile('[["a", 1]]', 'syn.json')).toThrow(/list of lists/);
    expect(() => parseSynonymFile('{"a": "b"}', 'syn.json')).toThrow(/must map to a list/);
    expect(() => loadSynonyms('/nonexistent/syn.json')).toThrow(/cannot be read/);
  });
});
