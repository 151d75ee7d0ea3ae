import { ApiProcess } from '../helpers/api-process';

// The API's real stdout (JSON lines from pino), read from a child process started with LOG_LEVEL=info.

const PASSWORD = 'Secret-pass-7788!';
const PHONE = '13812345678';
const COOKIE = 'session=cookie-value-4455';

describe('request and operation logs', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await ApiProcess.spawn({ LOG_LEVEL: 'info' });
    await api.waitListening();
  });

  afterAll(async () => {
    await api?.kill();
  });

  it('log each operation with its request id, and never a password, phone number, token or cookie', async () => {
    const handle = `logs_${Date.now().toString(36)}`;
    const registered = await api.gql<{ register: { token: string } }>(
      `mutation OpsLogRegister($input: RegisterInput!) { register(input: $input) { token } }`,
      { input: { handle, password: PASSWORD, displayName: '日志测试' } },
      undefined,
      { 'x-request-id': 'ops-log-register-1', cookie: COOKIE },
    );
    const token = registered.data?.register.token as string;
    expect(token).toBeTruthy();
    const asked = await api.gql(
      `mutation OpsLogAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }`,
      { input: { title: `手机号${PHONE}收不到验证码`, body: `我的手机号是 ${PHONE}，请帮忙`, tags: [] } },
      token,
    );
    expect(asked.errors).toBeUndefined();
    const failed = await api.gql(
      `mutation OpsLogLogin($input: LoginInput!) { login(input: $input) { token } }`,
      { input: { handle, password: `${PASSWORD}-wrong` } },
    );
    expect(failed.errors?.[0]?.extensions?.code).toBeDefined();
    // GraphQL over GET carries its variables in the URL: the logged URL must lose them.
    const search = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('query OpsLogSearch($q: String!) { similarQuestions(title: $q) { score } }')}` +
        `&variables=${encodeURIComponent(JSON.stringify({ q: PHONE }))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(search.status).toBe(200);

    // pino writes synchronously, but give the pipe a moment.
    await new Promise((r) => setTimeout(r, 300));
    const lines = api.logLines();
    const operations = lines.filter((l) => l.msg === 'graphql operation');
    const register = operations.find((l) => l.operationName === 'OpsLogRegister');
    expect(register).toMatchObject({
      level: 30,
      requestId: 'ops-log-register-1',
      operationType: 'mutation',
      errorCodes: [],
      durationMs: expect.any(Number),
      sqlQueries: expect.any(Number),
    });
    expect(operations.find((l) => l.operationName === 'OpsLogAsk')).toMatchObject({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), // generated when the client sent none
      errorCodes: [],
    });
    const login = operations.find((l) => l.operationName === 'OpsLogLogin');
    expect((login?.errorCodes as string[]).length).toBe(1);
    expect(operations.find((l) => l.operationName === 'OpsLogSearch')).toBeDefined();
    // The access line of the same request carries the same id.
    expect(
      lines.some(
        (l) => l.msg === 'request completed' && (l.req as { id?: string })?.id === 'ops-log-register-1',
      ),
    ).toBe(true);

    const everything = api.output;
    for (const secret of [PASSWORD, PHONE, token, 'cookie-value-4455', '手机号']) {
      expect(everything).not.toContain(secret);
    }
  });
});
