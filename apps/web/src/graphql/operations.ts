import { graphql } from '../gql';

// Every operation the client sends; `npm run codegen` types them from schema.gql.

export const UserBits = graphql(`
  fragment UserBits on User {
    id
    handle
    displayName
    role
    isOfficial
    officialLabel
    badges {
      kind
      label
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...UserBits
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user {
        ...UserBits
      }
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
      expiresAt
      user {
        ...UserBits
      }
    }
  }
`);

export const QuestionCard = graphql(`
  fragment QuestionCard on Question {
    id
    title
    status
    isSolved
    tags
    answerCount
    meTooCount
    score
    createdAt
    category {
      key
      name
    }
    author {
      id
      handle
      displayName
    }
    officialAnswers {
      id
    }
  }
`);

export const HomeQuery = graphql(`
  query Home {
    categories {
      key
      name
    }
    solved: searchQuestions(query: "", first: 8, filter: { solvedOnly: true }) {
      categoryFacets {
        key
        count
      }
      edges {
        node {
          ...QuestionCard
        }
      }
    }
    official: searchQuestions(query: "", first: 8, filter: { hasOfficialAnswer: true }) {
      edges {
        node {
          ...QuestionCard
          officialAnswers {
            id
            verifiedAt
            author {
              id
              officialLabel
            }
          }
        }
      }
    }
    tags(first: 20) {
      name
      count
    }
  }
`);

export const SearchQuery = graphql(`
  query Search($query: String!, $filter: SearchFilter, $after: String) {
    searchQuestions(query: $query, filter: $filter, first: 10, after: $after) {
      estimatedTotalCount
      facets {
        name
        count
      }
      categoryFacets {
        key
        name
        count
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        highlightedTitle
        snippet
        score
        node {
          ...QuestionCard
        }
      }
    }
  }
`);

export const CategoriesQuery = graphql(`
  query Categories {
    categories {
      key
      name
      position
      fields {
        key
        label
        required
      }
    }
  }
`);

export const SimilarQuery = graphql(`
  query Similar($title: String!, $body: String, $draftId: String) {
    similarQuestions(title: $title, body: $body, draftId: $draftId, limit: 5) {
      score
      question {
        id
        title
        isSolved
        status
        officialAnswers {
          id
          body
          author {
            id
            officialLabel
          }
        }
        acceptedAnswer {
          id
          body
        }
      }
    }
  }
`);

export const RecordClickMutation = graphql(`
  mutation RecordSuggestionClick($draftId: String!, $questionId: ID!) {
    recordSuggestionClick(draftId: $draftId, questionId: $questionId)
  }
`);

export const AskMutation = graphql(`
  mutation Ask($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      question {
        id
        title
      }
      maskedPersonalData {
        field
        kind
        masked
      }
    }
  }
`);

export const AnswerFields = graphql(`
  fragment AnswerFields on Answer {
    id
    bodyHtml
    body
    score
    createdAt
    updatedAt
    isAccepted
    isOfficial
    isStale
    isHidden
    hiddenReason
    verifiedAt
    endorsedAt
    viewerVote
    author {
      ...UserBits
    }
    endorsedBy {
      id
      displayName
      officialLabel
    }
  }
`);

export const ThreadQuery = graphql(`
  query Thread($id: ID!) {
    question(id: $id) {
      id
      title
      bodyHtml
      status
      isSolved
      isHidden
      hiddenReason
      tags
      score
      meTooCount
      viewerHasMeToo
      viewerIsFollowing
      viewerVote
      answerCount
      createdAt
      officialHandling
      privateSupport {
        note
        caseReference
        channel
        isOpen
        outcome
      }
      category {
        key
        name
      }
      # Fields inline, not through fragments: the API's cost limit weighs fragment spreads heavily.
      author {
        id
        handle
        displayName
        role
        isOfficial
        officialLabel
        badges {
          kind
          label
        }
      }
      duplicateOf {
        id
        title
      }
      acceptedAnswer {
        id
      }
      answers(first: 30) {
        totalCount
        edges {
          node {
            id
            bodyHtml
            body
            score
            createdAt
            updatedAt
            isAccepted
            isOfficial
            isStale
            isHidden
            hiddenReason
            verifiedAt
            endorsedAt
            viewerVote
            author {
              id
              handle
              displayName
              role
              isOfficial
              officialLabel
              badges {
                kind
                label
              }
            }
            endorsedBy {
              id
              displayName
              officialLabel
            }
          }
        }
      }
    }
  }
`);

export const PostAnswerMutation = graphql(`
  mutation PostAnswer($input: PostAnswerInput!) {
    postAnswer(input: $input) {
      ...AnswerFields
    }
  }
`);

export const AcceptMutation = graphql(`
  mutation Accept($answerId: ID!) {
    acceptAnswer(answerId: $answerId) {
      id
      status
      isSolved
      acceptedAnswer {
        id
      }
    }
  }
`);

export const UnacceptMutation = graphql(`
  mutation Unaccept($questionId: ID!) {
    unacceptAnswer(questionId: $questionId) {
      id
      status
      isSolved
      acceptedAnswer {
        id
      }
    }
  }
`);

export const MarkOfficialMutation = graphql(`
  mutation MarkOfficial($answerId: ID!) {
    markOfficialAnswer(answerId: $answerId) {
      ...AnswerFields
    }
  }
`);

export const UnmarkOfficialMutation = graphql(`
  mutation UnmarkOfficial($answerId: ID!) {
    unmarkOfficialAnswer(answerId: $answerId) {
      ...AnswerFields
    }
  }
`);

export const ReverifyMutation = graphql(`
  mutation Reverify($answerId: ID!) {
    reverifyOfficialAnswer(answerId: $answerId) {
      ...AnswerFields
    }
  }
`);

export const MeTooMutation = graphql(`
  mutation MeToo($questionId: ID!) {
    meToo(questionId: $questionId) {
      id
      meTooCount
      viewerHasMeToo
      viewerIsFollowing
    }
  }
`);

export const WithdrawMeTooMutation = graphql(`
  mutation WithdrawMeToo($questionId: ID!) {
    withdrawMeToo(questionId: $questionId) {
      id
      meTooCount
      viewerHasMeToo
    }
  }
`);

export const FollowMutation = graphql(`
  mutation Follow($questionId: ID!) {
    followQuestion(questionId: $questionId) {
      id
      viewerIsFollowing
    }
  }
`);

export const UnfollowMutation = graphql(`
  mutation Unfollow($questionId: ID!) {
    unfollowQuestion(questionId: $questionId) {
      id
      viewerIsFollowing
    }
  }
`);

export const VoteMutation = graphql(`
  mutation Vote($input: VoteInput!) {
    vote(input: $input) {
      targetId
      targetType
      score
      value
    }
  }
`);

export const ReportMutation = graphql(`
  mutation ReportPost($input: ReportPostInput!) {
    reportPost(input: $input) {
      id
      status
    }
  }
`);

export const HideMutation = graphql(`
  mutation HidePost($input: ModeratePostInput!) {
    hidePost(input: $input) {
      targetId
      targetType
      isHidden
      hiddenReason
      reportsResolved
    }
  }
`);

export const RestoreMutation = graphql(`
  mutation RestorePost($input: ModeratePostInput!) {
    restorePost(input: $input) {
      targetId
      targetType
      isHidden
      hiddenReason
      reportsResolved
    }
  }
`);

export const DismissReportMutation = graphql(`
  mutation DismissReport($reportId: ID!) {
    dismissReport(reportId: $reportId) {
      id
      status
      resolvedAt
    }
  }
`);

export const ReportsQuery = graphql(`
  query Reports($status: ReportStatus!, $after: String) {
    reports(status: $status, first: 20, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          reason
          status
          createdAt
          resolvedAt
          targetId
          targetType
        }
      }
    }
  }
`);

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    isRead
    createdAt
    actor {
      id
      displayName
      officialLabel
    }
    question {
      id
      title
    }
    answer {
      id
    }
  }
`);

export const NotificationsQuery = graphql(`
  query Notifications($after: String) {
    notifications(first: 20, after: $after) {
      unreadCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    notifications(first: 1) {
      unreadCount
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) {
      marked
      unreadCount
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const ProfileQuery = graphql(`
  query Profile($handle: String!) {
    user(handle: $handle) {
      ...UserBits
      createdAt
      questions(first: 20) {
        edges {
          node {
            ...QuestionCard
          }
        }
      }
      answers(first: 20) {
        edges {
          node {
            id
            score
            isAccepted
            isOfficial
            createdAt
            question {
              id
              title
            }
          }
        }
      }
    }
  }
`);

export const PublishAttachmentMutation = graphql(`
  mutation PublishAttachment($id: ID!, $confirm: Boolean) {
    publishAttachment(id: $id, confirmWithoutCheck: $confirm) {
      automaticCheck
      notice
      blurred {
        kind
      }
      attachment {
        id
        visibility
        url
      }
    }
  }
`);

export const PostAttachmentsQuery = graphql(`
  query PostAttachments($id: ID!) {
    question(id: $id) {
      id
      attachments {
        id
        width
        height
        visibility
        url
      }
      answers(first: 100) {
        edges {
          node {
            id
            attachments {
              id
              width
              height
              visibility
              url
            }
          }
        }
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
    }
  }
`);
