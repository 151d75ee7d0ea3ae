/** The web client's operations (apps/web/src/graphql/operations.ts), inlined: the bench sends what browsers send. */
const QUESTION_CARD = `
  id title status isSolved tags answerCount meTooCount score createdAt
  category { key name }
  author { id handle displayName }
  officialAnswers { id }`;

const USER_BITS = `id handle displayName role isOfficial officialLabel badges { kind label }`;

export const SEARCH = `query Search($query: String!, $filter: SearchFilter, $after: String) {
  searchQuestions(query: $query, filter: $filter, first: 10, after: $after) {
    estimatedTotalCount
    facets { name count }
    pageInfo { endCursor hasNextPage }
    edges { cursor highlightedTitle snippet score node { ${QUESTION_CARD} } }
  }
}`;

export const SIMILAR = `query Similar($title: String!, $body: String, $draftId: String) {
  similarQuestions(title: $title, body: $body, draftId: $draftId, limit: 5) {
    score
    question {
      id title isSolved status
      officialAnswers { id body author { id officialLabel } }
      acceptedAnswer { id body }
    }
  }
}`;

export const THREAD = `query Thread($id: ID!) {
  question(id: $id) {
    id title bodyHtml status isSolved isHidden hiddenReason tags score meTooCount viewerHasMeToo
    viewerIsFollowing answerCount createdAt
    category { key name }
    author { ${USER_BITS} }
    duplicateOf { id title }
    acceptedAnswer { id }
    answers(first: 30) {
      totalCount
      edges {
        node {
          id bodyHtml body score createdAt updatedAt isAccepted isOfficial isStale isHidden hiddenReason
          verifiedAt endorsedAt
          author { ${USER_BITS} }
          endorsedBy { id displayName officialLabel }
        }
      }
    }
  }
}`;

export const LIST = `query List($after: String) {
  questions(first: 20, after: $after) { edges { node { ${QUESTION_CARD} } } pageInfo { endCursor hasNextPage } }
}`;

export const PROFILE = `query Profile($handle: String!) {
  user(handle: $handle) {
    ${USER_BITS}
    createdAt
    questions(first: 20) { edges { node { ${QUESTION_CARD} } } }
    answers(first: 20) { edges { node { id score isAccepted isOfficial createdAt question { id title } } } }
  }
}`;

export const ASK = `mutation Ask($input: AskQuestionInput!) {
  askQuestion(input: $input) { question { id title } maskedPersonalData { field kind masked } }
}`;

export const ANSWER = `mutation PostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { id score isAccepted } }`;

export const ACCEPT = `mutation Accept($answerId: ID!) { acceptAnswer(answerId: $answerId) { id } }`;

export const VOTE = `mutation Vote($input: VoteInput!) { vote(input: $input) { targetId targetType score value } }`;

export const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token user { id handle } } }`;
