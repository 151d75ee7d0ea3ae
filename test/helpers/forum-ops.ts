import { TestApp, TestUser } from './test-app';

// GraphQL documents and small helpers shared by the forum tests.

export const ASK = `mutation($input: AskQuestionInput!) {
  askQuestion(input: $input) { question { id title body tags status isSolved answerCount score author { handle } } }
}`;
export const ANSWER = `mutation($input: PostAnswerInput!) {
  postAnswer(input: $input) { id body isOfficial isAccepted endorsedBy { handle } endorsedAt score author { handle isOfficial } }
}`;
export const ACCEPT = `mutation($id: ID!) { acceptAnswer(answerId: $id) { id status isSolved acceptedAnswer { id } } }`;
export const UNACCEPT = `mutation($id: ID!) { unacceptAnswer(questionId: $id) { id status isSolved acceptedAnswer { id } } }`;
export const MARK = `mutation($id: ID!) { markOfficialAnswer(answerId: $id) { id isOfficial endorsedBy { handle } endorsedAt } }`;
export const UNMARK = `mutation($id: ID!) { unmarkOfficialAnswer(answerId: $id) { id isOfficial endorsedBy { handle } endorsedAt } }`;
export const VOTE = `mutation($input: VoteInput!) { vote(input: $input) { targetType targetId value score } }`;
export const CLOSE = `mutation($q: ID!, $d: ID!) { closeAsDuplicate(questionId: $q, duplicateOfId: $d) { id status duplicateOf { id } } }`;
export const THREAD = `query($id: ID!) {
  question(id: $id) {
    id title body tags status isSolved answerCount score createdAt updatedAt
    author { id handle displayName badges { kind label } }
    acceptedAnswer { id }
    officialAnswers { id }
    duplicateOf { id }
    answers(first: 50) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id body isOfficial isAccepted score createdAt
        author { id handle isOfficial badges { kind label } }
        endorsedBy { id handle badges { kind label } } } }
    }
  }
}`;

export interface AskedQuestion {
  id: string;
  title: string;
  tags: string[];
  status: string;
}

export async function ask(
  t: TestApp,
  user: TestUser,
  title = '换了手机登录被风控限制怎么办',
  body = '新手机登录后提示**存在风险**，无法转账。',
  tags: string[] = ['风控'],
): Promise<AskedQuestion> {
  const data = await t.ok<{ askQuestion: { question: AskedQuestion } }>(
    ASK,
    { input: { title, body, tags } },
    user.token,
  );
  return data.askQuestion.question;
}

export async function answer(
  t: TestApp,
  user: TestUser,
  questionId: string,
  body = '去设置里做一次人脸验证就好了。',
): Promise<string> {
  const data = await t.ok<{ postAnswer: { id: string } }>(
    ANSWER,
    { input: { questionId, body } },
    user.token,
  );
  return data.postAnswer.id;
}

export async function outboxCount(t: TestApp, questionId: string): Promise<number> {
  const [row] = await t.db.query('SELECT COUNT(*) AS n FROM outbox_events WHERE aggregate_id = ?', [
    questionId,
  ]);
  return Number(row.n);
}
