/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserBits on User {\n    id\n    handle\n    displayName\n    role\n    isOfficial\n    officialLabel\n    badges {\n      kind\n      label\n    }\n  }\n": typeof types.UserBitsFragmentDoc,
    "\n  query Me {\n    me {\n      ...UserBits\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  fragment QuestionCard on Question {\n    id\n    title\n    status\n    isSolved\n    tags\n    answerCount\n    meTooCount\n    score\n    createdAt\n    category {\n      key\n      name\n    }\n    author {\n      id\n      handle\n      displayName\n    }\n    officialAnswers {\n      id\n    }\n  }\n": typeof types.QuestionCardFragmentDoc,
    "\n  query Home {\n    categories {\n      key\n      name\n    }\n    solved: searchQuestions(query: \"\", first: 8, filter: { solvedOnly: true }) {\n      categoryFacets {\n        key\n        count\n      }\n      edges {\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n    official: searchQuestions(query: \"\", first: 8, filter: { hasOfficialAnswer: true }) {\n      edges {\n        node {\n          ...QuestionCard\n          officialAnswers {\n            id\n            verifiedAt\n            author {\n              id\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n    tags(first: 20) {\n      name\n      count\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query Search($query: String!, $filter: SearchFilter, $after: String) {\n    searchQuestions(query: $query, filter: $filter, first: 10, after: $after) {\n      estimatedTotalCount\n      facets {\n        name\n        count\n      }\n      categoryFacets {\n        key\n        name\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        highlightedTitle\n        snippet\n        score\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query Categories {\n    categories {\n      key\n      name\n      position\n      fields {\n        key\n        label\n        required\n      }\n    }\n  }\n": typeof types.CategoriesDocument,
    "\n  query Similar($title: String!, $body: String, $draftId: String) {\n    similarQuestions(title: $title, body: $body, draftId: $draftId, limit: 5) {\n      score\n      question {\n        id\n        title\n        isSolved\n        status\n        officialAnswers {\n          id\n          body\n          author {\n            id\n            officialLabel\n          }\n        }\n        acceptedAnswer {\n          id\n          body\n        }\n      }\n    }\n  }\n": typeof types.SimilarDocument,
    "\n  mutation RecordSuggestionClick($draftId: String!, $questionId: ID!) {\n    recordSuggestionClick(draftId: $draftId, questionId: $questionId)\n  }\n": typeof types.RecordSuggestionClickDocument,
    "\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        id\n        title\n      }\n      maskedPersonalData {\n        field\n        kind\n        masked\n      }\n    }\n  }\n": typeof types.AskDocument,
    "\n  fragment AnswerFields on Answer {\n    id\n    bodyHtml\n    body\n    score\n    createdAt\n    updatedAt\n    isAccepted\n    isOfficial\n    isStale\n    isHidden\n    hiddenReason\n    verifiedAt\n    endorsedAt\n    viewerVote\n    author {\n      ...UserBits\n    }\n    endorsedBy {\n      id\n      displayName\n      officialLabel\n    }\n  }\n": typeof types.AnswerFieldsFragmentDoc,
    "\n  query Thread($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      bodyHtml\n      status\n      isSolved\n      isHidden\n      hiddenReason\n      tags\n      score\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n      viewerVote\n      answerCount\n      createdAt\n      officialHandling\n      privateSupport {\n        note\n        caseReference\n        channel\n        isOpen\n        outcome\n      }\n      category {\n        key\n        name\n      }\n      # Fields inline, not through fragments: the API's cost limit weighs fragment spreads heavily.\n      author {\n        id\n        handle\n        displayName\n        role\n        isOfficial\n        officialLabel\n        badges {\n          kind\n          label\n        }\n      }\n      duplicateOf {\n        id\n        title\n      }\n      acceptedAnswer {\n        id\n      }\n      answers(first: 30) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            body\n            score\n            createdAt\n            updatedAt\n            isAccepted\n            isOfficial\n            isStale\n            isHidden\n            hiddenReason\n            verifiedAt\n            endorsedAt\n            viewerVote\n            author {\n              id\n              handle\n              displayName\n              role\n              isOfficial\n              officialLabel\n              badges {\n                kind\n                label\n              }\n            }\n            endorsedBy {\n              id\n              displayName\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ThreadDocument,
    "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      ...AnswerFields\n    }\n  }\n": typeof types.PostAnswerDocument,
    "\n  mutation Accept($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n": typeof types.AcceptDocument,
    "\n  mutation Unaccept($questionId: ID!) {\n    unacceptAnswer(questionId: $questionId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n": typeof types.UnacceptDocument,
    "\n  mutation MarkOfficial($answerId: ID!) {\n    markOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": typeof types.MarkOfficialDocument,
    "\n  mutation UnmarkOfficial($answerId: ID!) {\n    unmarkOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": typeof types.UnmarkOfficialDocument,
    "\n  mutation Reverify($answerId: ID!) {\n    reverifyOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": typeof types.ReverifyDocument,
    "\n  mutation MeToo($questionId: ID!) {\n    meToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n    }\n  }\n": typeof types.MeTooDocument,
    "\n  mutation WithdrawMeToo($questionId: ID!) {\n    withdrawMeToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n    }\n  }\n": typeof types.WithdrawMeTooDocument,
    "\n  mutation Follow($questionId: ID!) {\n    followQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Unfollow($questionId: ID!) {\n    unfollowQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n": typeof types.UnfollowDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      targetId\n      targetType\n      score\n      value\n    }\n  }\n": typeof types.VoteDocument,
    "\n  mutation ReportPost($input: ReportPostInput!) {\n    reportPost(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ReportPostDocument,
    "\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n": typeof types.HidePostDocument,
    "\n  mutation RestorePost($input: ModeratePostInput!) {\n    restorePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n": typeof types.RestorePostDocument,
    "\n  mutation DismissReport($reportId: ID!) {\n    dismissReport(reportId: $reportId) {\n      id\n      status\n      resolvedAt\n    }\n  }\n": typeof types.DismissReportDocument,
    "\n  query Reports($status: ReportStatus!, $after: String) {\n    reports(status: $status, first: 20, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          reason\n          status\n          createdAt\n          resolvedAt\n          targetId\n          targetType\n        }\n      }\n    }\n  }\n": typeof types.ReportsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    isRead\n    createdAt\n    actor {\n      id\n      displayName\n      officialLabel\n    }\n    question {\n      id\n      title\n    }\n    answer {\n      id\n    }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($after: String) {\n    notifications(first: 20, after: $after) {\n      unreadCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n": typeof types.UnreadCountDocument,
    "\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadCount\n    }\n  }\n": typeof types.MarkReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      ...UserBits\n      createdAt\n      questions(first: 20) {\n        edges {\n          node {\n            ...QuestionCard\n          }\n        }\n      }\n      answers(first: 20) {\n        edges {\n          node {\n            id\n            score\n            isAccepted\n            isOfficial\n            createdAt\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation PublishAttachment($id: ID!, $confirm: Boolean) {\n    publishAttachment(id: $id, confirmWithoutCheck: $confirm) {\n      automaticCheck\n      notice\n      blurred {\n        kind\n      }\n      attachment {\n        id\n        visibility\n        url\n      }\n    }\n  }\n": typeof types.PublishAttachmentDocument,
    "\n  query PostAttachments($id: ID!) {\n    question(id: $id) {\n      id\n      attachments {\n        id\n        width\n        height\n        visibility\n        url\n      }\n      answers(first: 100) {\n        edges {\n          node {\n            id\n            attachments {\n              id\n              width\n              height\n              visibility\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PostAttachmentsDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query DeskQueue($filter: DeskQueueFilter, $sort: DeskQueueSort, $first: Int, $after: String) {\n    officialQueue(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          question {\n            id\n            title\n            createdAt\n            tags\n            category {\n              key\n              name\n            }\n          }\n          waitingSeconds\n          meTooCount\n          targetMinutes\n          timeLeftSeconds\n          isBreached\n          claim {\n            expiresAt\n            owner {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskQueueDocument,
    "\n  query DeskCategories {\n    categories {\n      key\n      name\n    }\n    deskTargets {\n      categoryKey\n      firstResponseMinutes\n      remindBeforeMinutes\n    }\n  }\n": typeof types.DeskCategoriesDocument,
    "\n  query DeskStaleAnswers($first: Int) {\n    staleOfficialAnswers(first: $first) {\n      totalCount\n      edges {\n        node {\n          verifiedAt\n          daysSinceVerified\n          answer {\n            id\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DeskStaleAnswersDocument,
    "\n  query DeskCannedReplies($category: String) {\n    cannedReplies(category: $category) {\n      id\n      categoryKey\n      title\n      body\n      usageCount\n      unknownVariables\n    }\n  }\n": typeof types.DeskCannedRepliesDocument,
    "\n  query DeskReplySuggestions($questionId: ID!) {\n    replySuggestions(questionId: $questionId, limit: 3) {\n      score\n      sourceQuestion {\n        id\n        title\n      }\n      answer {\n        id\n        body\n      }\n    }\n  }\n": typeof types.DeskReplySuggestionsDocument,
    "\n  query DeskStats($from: String!, $to: String!) {\n    deskStats(from: $from, to: $to) {\n      day\n      categoryKey\n      asked\n      answeredOfficially\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      breaches\n      handoffs\n      deflectedDrafts\n      reverified\n    }\n  }\n": typeof types.DeskStatsDocument,
    "\n  mutation DeskClaim($id: ID!) {\n    claimThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n": typeof types.DeskClaimDocument,
    "\n  mutation DeskRelease($id: ID!) {\n    releaseThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n": typeof types.DeskReleaseDocument,
    "\n  mutation DeskHandOff($id: ID!, $reason: String!, $channel: SupportChannel) {\n    handOffToPrivateSupport(questionId: $id, reason: $reason, channel: $channel) {\n      id\n      privateSupport {\n        caseReference\n        isOpen\n      }\n    }\n  }\n": typeof types.DeskHandOffDocument,
    "\n  mutation DeskCreateCanned($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n": typeof types.DeskCreateCannedDocument,
    "\n  mutation DeskInsertCanned($id: ID!, $questionId: ID!) {\n    insertCannedReply(id: $id, questionId: $questionId) {\n      text\n      usageCount\n    }\n  }\n": typeof types.DeskInsertCannedDocument,
};
const documents: Documents = {
    "\n  fragment UserBits on User {\n    id\n    handle\n    displayName\n    role\n    isOfficial\n    officialLabel\n    badges {\n      kind\n      label\n    }\n  }\n": types.UserBitsFragmentDoc,
    "\n  query Me {\n    me {\n      ...UserBits\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  fragment QuestionCard on Question {\n    id\n    title\n    status\n    isSolved\n    tags\n    answerCount\n    meTooCount\n    score\n    createdAt\n    category {\n      key\n      name\n    }\n    author {\n      id\n      handle\n      displayName\n    }\n    officialAnswers {\n      id\n    }\n  }\n": types.QuestionCardFragmentDoc,
    "\n  query Home {\n    categories {\n      key\n      name\n    }\n    solved: searchQuestions(query: \"\", first: 8, filter: { solvedOnly: true }) {\n      categoryFacets {\n        key\n        count\n      }\n      edges {\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n    official: searchQuestions(query: \"\", first: 8, filter: { hasOfficialAnswer: true }) {\n      edges {\n        node {\n          ...QuestionCard\n          officialAnswers {\n            id\n            verifiedAt\n            author {\n              id\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n    tags(first: 20) {\n      name\n      count\n    }\n  }\n": types.HomeDocument,
    "\n  query Search($query: String!, $filter: SearchFilter, $after: String) {\n    searchQuestions(query: $query, filter: $filter, first: 10, after: $after) {\n      estimatedTotalCount\n      facets {\n        name\n        count\n      }\n      categoryFacets {\n        key\n        name\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        highlightedTitle\n        snippet\n        score\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query Categories {\n    categories {\n      key\n      name\n      position\n      fields {\n        key\n        label\n        required\n      }\n    }\n  }\n": types.CategoriesDocument,
    "\n  query Similar($title: String!, $body: String, $draftId: String) {\n    similarQuestions(title: $title, body: $body, draftId: $draftId, limit: 5) {\n      score\n      question {\n        id\n        title\n        isSolved\n        status\n        officialAnswers {\n          id\n          body\n          author {\n            id\n            officialLabel\n          }\n        }\n        acceptedAnswer {\n          id\n          body\n        }\n      }\n    }\n  }\n": types.SimilarDocument,
    "\n  mutation RecordSuggestionClick($draftId: String!, $questionId: ID!) {\n    recordSuggestionClick(draftId: $draftId, questionId: $questionId)\n  }\n": types.RecordSuggestionClickDocument,
    "\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        id\n        title\n      }\n      maskedPersonalData {\n        field\n        kind\n        masked\n      }\n    }\n  }\n": types.AskDocument,
    "\n  fragment AnswerFields on Answer {\n    id\n    bodyHtml\n    body\n    score\n    createdAt\n    updatedAt\n    isAccepted\n    isOfficial\n    isStale\n    isHidden\n    hiddenReason\n    verifiedAt\n    endorsedAt\n    viewerVote\n    author {\n      ...UserBits\n    }\n    endorsedBy {\n      id\n      displayName\n      officialLabel\n    }\n  }\n": types.AnswerFieldsFragmentDoc,
    "\n  query Thread($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      bodyHtml\n      status\n      isSolved\n      isHidden\n      hiddenReason\n      tags\n      score\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n      viewerVote\n      answerCount\n      createdAt\n      officialHandling\n      privateSupport {\n        note\n        caseReference\n        channel\n        isOpen\n        outcome\n      }\n      category {\n        key\n        name\n      }\n      # Fields inline, not through fragments: the API's cost limit weighs fragment spreads heavily.\n      author {\n        id\n        handle\n        displayName\n        role\n        isOfficial\n        officialLabel\n        badges {\n          kind\n          label\n        }\n      }\n      duplicateOf {\n        id\n        title\n      }\n      acceptedAnswer {\n        id\n      }\n      answers(first: 30) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            body\n            score\n            createdAt\n            updatedAt\n            isAccepted\n            isOfficial\n            isStale\n            isHidden\n            hiddenReason\n            verifiedAt\n            endorsedAt\n            viewerVote\n            author {\n              id\n              handle\n              displayName\n              role\n              isOfficial\n              officialLabel\n              badges {\n                kind\n                label\n              }\n            }\n            endorsedBy {\n              id\n              displayName\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ThreadDocument,
    "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      ...AnswerFields\n    }\n  }\n": types.PostAnswerDocument,
    "\n  mutation Accept($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n": types.AcceptDocument,
    "\n  mutation Unaccept($questionId: ID!) {\n    unacceptAnswer(questionId: $questionId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n": types.UnacceptDocument,
    "\n  mutation MarkOfficial($answerId: ID!) {\n    markOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": types.MarkOfficialDocument,
    "\n  mutation UnmarkOfficial($answerId: ID!) {\n    unmarkOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": types.UnmarkOfficialDocument,
    "\n  mutation Reverify($answerId: ID!) {\n    reverifyOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n": types.ReverifyDocument,
    "\n  mutation MeToo($questionId: ID!) {\n    meToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n    }\n  }\n": types.MeTooDocument,
    "\n  mutation WithdrawMeToo($questionId: ID!) {\n    withdrawMeToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n    }\n  }\n": types.WithdrawMeTooDocument,
    "\n  mutation Follow($questionId: ID!) {\n    followQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Unfollow($questionId: ID!) {\n    unfollowQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n": types.UnfollowDocument,
    "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      targetId\n      targetType\n      score\n      value\n    }\n  }\n": types.VoteDocument,
    "\n  mutation ReportPost($input: ReportPostInput!) {\n    reportPost(input: $input) {\n      id\n      status\n    }\n  }\n": types.ReportPostDocument,
    "\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n": types.HidePostDocument,
    "\n  mutation RestorePost($input: ModeratePostInput!) {\n    restorePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n": types.RestorePostDocument,
    "\n  mutation DismissReport($reportId: ID!) {\n    dismissReport(reportId: $reportId) {\n      id\n      status\n      resolvedAt\n    }\n  }\n": types.DismissReportDocument,
    "\n  query Reports($status: ReportStatus!, $after: String) {\n    reports(status: $status, first: 20, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          reason\n          status\n          createdAt\n          resolvedAt\n          targetId\n          targetType\n        }\n      }\n    }\n  }\n": types.ReportsDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    isRead\n    createdAt\n    actor {\n      id\n      displayName\n      officialLabel\n    }\n    question {\n      id\n      title\n    }\n    answer {\n      id\n    }\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($after: String) {\n    notifications(first: 20, after: $after) {\n      unreadCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n": types.UnreadCountDocument,
    "\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadCount\n    }\n  }\n": types.MarkReadDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      ...UserBits\n      createdAt\n      questions(first: 20) {\n        edges {\n          node {\n            ...QuestionCard\n          }\n        }\n      }\n      answers(first: 20) {\n        edges {\n          node {\n            id\n            score\n            isAccepted\n            isOfficial\n            createdAt\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation PublishAttachment($id: ID!, $confirm: Boolean) {\n    publishAttachment(id: $id, confirmWithoutCheck: $confirm) {\n      automaticCheck\n      notice\n      blurred {\n        kind\n      }\n      attachment {\n        id\n        visibility\n        url\n      }\n    }\n  }\n": types.PublishAttachmentDocument,
    "\n  query PostAttachments($id: ID!) {\n    question(id: $id) {\n      id\n      attachments {\n        id\n        width\n        height\n        visibility\n        url\n      }\n      answers(first: 100) {\n        edges {\n          node {\n            id\n            attachments {\n              id\n              width\n              height\n              visibility\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n": types.PostAttachmentsDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query DeskQueue($filter: DeskQueueFilter, $sort: DeskQueueSort, $first: Int, $after: String) {\n    officialQueue(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          question {\n            id\n            title\n            createdAt\n            tags\n            category {\n              key\n              name\n            }\n          }\n          waitingSeconds\n          meTooCount\n          targetMinutes\n          timeLeftSeconds\n          isBreached\n          claim {\n            expiresAt\n            owner {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeskQueueDocument,
    "\n  query DeskCategories {\n    categories {\n      key\n      name\n    }\n    deskTargets {\n      categoryKey\n      firstResponseMinutes\n      remindBeforeMinutes\n    }\n  }\n": types.DeskCategoriesDocument,
    "\n  query DeskStaleAnswers($first: Int) {\n    staleOfficialAnswers(first: $first) {\n      totalCount\n      edges {\n        node {\n          verifiedAt\n          daysSinceVerified\n          answer {\n            id\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DeskStaleAnswersDocument,
    "\n  query DeskCannedReplies($category: String) {\n    cannedReplies(category: $category) {\n      id\n      categoryKey\n      title\n      body\n      usageCount\n      unknownVariables\n    }\n  }\n": types.DeskCannedRepliesDocument,
    "\n  query DeskReplySuggestions($questionId: ID!) {\n    replySuggestions(questionId: $questionId, limit: 3) {\n      score\n      sourceQuestion {\n        id\n        title\n      }\n      answer {\n        id\n        body\n      }\n    }\n  }\n": types.DeskReplySuggestionsDocument,
    "\n  query DeskStats($from: String!, $to: String!) {\n    deskStats(from: $from, to: $to) {\n      day\n      categoryKey\n      asked\n      answeredOfficially\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      breaches\n      handoffs\n      deflectedDrafts\n      reverified\n    }\n  }\n": types.DeskStatsDocument,
    "\n  mutation DeskClaim($id: ID!) {\n    claimThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n": types.DeskClaimDocument,
    "\n  mutation DeskRelease($id: ID!) {\n    releaseThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n": types.DeskReleaseDocument,
    "\n  mutation DeskHandOff($id: ID!, $reason: String!, $channel: SupportChannel) {\n    handOffToPrivateSupport(questionId: $id, reason: $reason, channel: $channel) {\n      id\n      privateSupport {\n        caseReference\n        isOpen\n      }\n    }\n  }\n": types.DeskHandOffDocument,
    "\n  mutation DeskCreateCanned($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n": types.DeskCreateCannedDocument,
    "\n  mutation DeskInsertCanned($id: ID!, $questionId: ID!) {\n    insertCannedReply(id: $id, questionId: $questionId) {\n      text\n      usageCount\n    }\n  }\n": types.DeskInsertCannedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserBits on User {\n    id\n    handle\n    displayName\n    role\n    isOfficial\n    officialLabel\n    badges {\n      kind\n      label\n    }\n  }\n"): (typeof documents)["\n  fragment UserBits on User {\n    id\n    handle\n    displayName\n    role\n    isOfficial\n    officialLabel\n    badges {\n      kind\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...UserBits\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...UserBits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      expiresAt\n      user {\n        ...UserBits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionCard on Question {\n    id\n    title\n    status\n    isSolved\n    tags\n    answerCount\n    meTooCount\n    score\n    createdAt\n    category {\n      key\n      name\n    }\n    author {\n      id\n      handle\n      displayName\n    }\n    officialAnswers {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment QuestionCard on Question {\n    id\n    title\n    status\n    isSolved\n    tags\n    answerCount\n    meTooCount\n    score\n    createdAt\n    category {\n      key\n      name\n    }\n    author {\n      id\n      handle\n      displayName\n    }\n    officialAnswers {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    categories {\n      key\n      name\n    }\n    solved: searchQuestions(query: \"\", first: 8, filter: { solvedOnly: true }) {\n      categoryFacets {\n        key\n        count\n      }\n      edges {\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n    official: searchQuestions(query: \"\", first: 8, filter: { hasOfficialAnswer: true }) {\n      edges {\n        node {\n          ...QuestionCard\n          officialAnswers {\n            id\n            verifiedAt\n            author {\n              id\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n    tags(first: 20) {\n      name\n      count\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    categories {\n      key\n      name\n    }\n    solved: searchQuestions(query: \"\", first: 8, filter: { solvedOnly: true }) {\n      categoryFacets {\n        key\n        count\n      }\n      edges {\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n    official: searchQuestions(query: \"\", first: 8, filter: { hasOfficialAnswer: true }) {\n      edges {\n        node {\n          ...QuestionCard\n          officialAnswers {\n            id\n            verifiedAt\n            author {\n              id\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n    tags(first: 20) {\n      name\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $filter: SearchFilter, $after: String) {\n    searchQuestions(query: $query, filter: $filter, first: 10, after: $after) {\n      estimatedTotalCount\n      facets {\n        name\n        count\n      }\n      categoryFacets {\n        key\n        name\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        highlightedTitle\n        snippet\n        score\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $filter: SearchFilter, $after: String) {\n    searchQuestions(query: $query, filter: $filter, first: 10, after: $after) {\n      estimatedTotalCount\n      facets {\n        name\n        count\n      }\n      categoryFacets {\n        key\n        name\n        count\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        cursor\n        highlightedTitle\n        snippet\n        score\n        node {\n          ...QuestionCard\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories {\n      key\n      name\n      position\n      fields {\n        key\n        label\n        required\n      }\n    }\n  }\n"): (typeof documents)["\n  query Categories {\n    categories {\n      key\n      name\n      position\n      fields {\n        key\n        label\n        required\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Similar($title: String!, $body: String, $draftId: String) {\n    similarQuestions(title: $title, body: $body, draftId: $draftId, limit: 5) {\n      score\n      question {\n        id\n        title\n        isSolved\n        status\n        officialAnswers {\n          id\n          body\n          author {\n            id\n            officialLabel\n          }\n        }\n        acceptedAnswer {\n          id\n          body\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Similar($title: String!, $body: String, $draftId: String) {\n    similarQuestions(title: $title, body: $body, draftId: $draftId, limit: 5) {\n      score\n      question {\n        id\n        title\n        isSolved\n        status\n        officialAnswers {\n          id\n          body\n          author {\n            id\n            officialLabel\n          }\n        }\n        acceptedAnswer {\n          id\n          body\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSuggestionClick($draftId: String!, $questionId: ID!) {\n    recordSuggestionClick(draftId: $draftId, questionId: $questionId)\n  }\n"): (typeof documents)["\n  mutation RecordSuggestionClick($draftId: String!, $questionId: ID!) {\n    recordSuggestionClick(draftId: $draftId, questionId: $questionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        id\n        title\n      }\n      maskedPersonalData {\n        field\n        kind\n        masked\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      question {\n        id\n        title\n      }\n      maskedPersonalData {\n        field\n        kind\n        masked\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnswerFields on Answer {\n    id\n    bodyHtml\n    body\n    score\n    createdAt\n    updatedAt\n    isAccepted\n    isOfficial\n    isStale\n    isHidden\n    hiddenReason\n    verifiedAt\n    endorsedAt\n    viewerVote\n    author {\n      ...UserBits\n    }\n    endorsedBy {\n      id\n      displayName\n      officialLabel\n    }\n  }\n"): (typeof documents)["\n  fragment AnswerFields on Answer {\n    id\n    bodyHtml\n    body\n    score\n    createdAt\n    updatedAt\n    isAccepted\n    isOfficial\n    isStale\n    isHidden\n    hiddenReason\n    verifiedAt\n    endorsedAt\n    viewerVote\n    author {\n      ...UserBits\n    }\n    endorsedBy {\n      id\n      displayName\n      officialLabel\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Thread($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      bodyHtml\n      status\n      isSolved\n      isHidden\n      hiddenReason\n      tags\n      score\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n      viewerVote\n      answerCount\n      createdAt\n      officialHandling\n      privateSupport {\n        note\n        caseReference\n        channel\n        isOpen\n        outcome\n      }\n      category {\n        key\n        name\n      }\n      # Fields inline, not through fragments: the API's cost limit weighs fragment spreads heavily.\n      author {\n        id\n        handle\n        displayName\n        role\n        isOfficial\n        officialLabel\n        badges {\n          kind\n          label\n        }\n      }\n      duplicateOf {\n        id\n        title\n      }\n      acceptedAnswer {\n        id\n      }\n      answers(first: 30) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            body\n            score\n            createdAt\n            updatedAt\n            isAccepted\n            isOfficial\n            isStale\n            isHidden\n            hiddenReason\n            verifiedAt\n            endorsedAt\n            viewerVote\n            author {\n              id\n              handle\n              displayName\n              role\n              isOfficial\n              officialLabel\n              badges {\n                kind\n                label\n              }\n            }\n            endorsedBy {\n              id\n              displayName\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Thread($id: ID!) {\n    question(id: $id) {\n      id\n      title\n      bodyHtml\n      status\n      isSolved\n      isHidden\n      hiddenReason\n      tags\n      score\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n      viewerVote\n      answerCount\n      createdAt\n      officialHandling\n      privateSupport {\n        note\n        caseReference\n        channel\n        isOpen\n        outcome\n      }\n      category {\n        key\n        name\n      }\n      # Fields inline, not through fragments: the API's cost limit weighs fragment spreads heavily.\n      author {\n        id\n        handle\n        displayName\n        role\n        isOfficial\n        officialLabel\n        badges {\n          kind\n          label\n        }\n      }\n      duplicateOf {\n        id\n        title\n      }\n      acceptedAnswer {\n        id\n      }\n      answers(first: 30) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            body\n            score\n            createdAt\n            updatedAt\n            isAccepted\n            isOfficial\n            isStale\n            isHidden\n            hiddenReason\n            verifiedAt\n            endorsedAt\n            viewerVote\n            author {\n              id\n              handle\n              displayName\n              role\n              isOfficial\n              officialLabel\n              badges {\n                kind\n                label\n              }\n            }\n            endorsedBy {\n              id\n              displayName\n              officialLabel\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Accept($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Accept($answerId: ID!) {\n    acceptAnswer(answerId: $answerId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unaccept($questionId: ID!) {\n    unacceptAnswer(questionId: $questionId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Unaccept($questionId: ID!) {\n    unacceptAnswer(questionId: $questionId) {\n      id\n      status\n      isSolved\n      acceptedAnswer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkOfficial($answerId: ID!) {\n    markOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkOfficial($answerId: ID!) {\n    markOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnmarkOfficial($answerId: ID!) {\n    unmarkOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnmarkOfficial($answerId: ID!) {\n    unmarkOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reverify($answerId: ID!) {\n    reverifyOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"): (typeof documents)["\n  mutation Reverify($answerId: ID!) {\n    reverifyOfficialAnswer(answerId: $answerId) {\n      ...AnswerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MeToo($questionId: ID!) {\n    meToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n    }\n  }\n"): (typeof documents)["\n  mutation MeToo($questionId: ID!) {\n    meToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n      viewerIsFollowing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawMeToo($questionId: ID!) {\n    withdrawMeToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawMeToo($questionId: ID!) {\n    withdrawMeToo(questionId: $questionId) {\n      id\n      meTooCount\n      viewerHasMeToo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Follow($questionId: ID!) {\n    followQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n"): (typeof documents)["\n  mutation Follow($questionId: ID!) {\n    followQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unfollow($questionId: ID!) {\n    unfollowQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n"): (typeof documents)["\n  mutation Unfollow($questionId: ID!) {\n    unfollowQuestion(questionId: $questionId) {\n      id\n      viewerIsFollowing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      targetId\n      targetType\n      score\n      value\n    }\n  }\n"): (typeof documents)["\n  mutation Vote($input: VoteInput!) {\n    vote(input: $input) {\n      targetId\n      targetType\n      score\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportPost($input: ReportPostInput!) {\n    reportPost(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReportPost($input: ReportPostInput!) {\n    reportPost(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n"): (typeof documents)["\n  mutation HidePost($input: ModeratePostInput!) {\n    hidePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePost($input: ModeratePostInput!) {\n    restorePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePost($input: ModeratePostInput!) {\n    restorePost(input: $input) {\n      targetId\n      targetType\n      isHidden\n      hiddenReason\n      reportsResolved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissReport($reportId: ID!) {\n    dismissReport(reportId: $reportId) {\n      id\n      status\n      resolvedAt\n    }\n  }\n"): (typeof documents)["\n  mutation DismissReport($reportId: ID!) {\n    dismissReport(reportId: $reportId) {\n      id\n      status\n      resolvedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reports($status: ReportStatus!, $after: String) {\n    reports(status: $status, first: 20, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          reason\n          status\n          createdAt\n          resolvedAt\n          targetId\n          targetType\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Reports($status: ReportStatus!, $after: String) {\n    reports(status: $status, first: 20, after: $after) {\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          reason\n          status\n          createdAt\n          resolvedAt\n          targetId\n          targetType\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    isRead\n    createdAt\n    actor {\n      id\n      displayName\n      officialLabel\n    }\n    question {\n      id\n      title\n    }\n    answer {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    isRead\n    createdAt\n    actor {\n      id\n      displayName\n      officialLabel\n    }\n    question {\n      id\n      title\n    }\n    answer {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($after: String) {\n    notifications(first: 20, after: $after) {\n      unreadCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($after: String) {\n    notifications(first: 20, after: $after) {\n      unreadCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query UnreadCount {\n    notifications(first: 1) {\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids) {\n      marked\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      ...UserBits\n      createdAt\n      questions(first: 20) {\n        edges {\n          node {\n            ...QuestionCard\n          }\n        }\n      }\n      answers(first: 20) {\n        edges {\n          node {\n            id\n            score\n            isAccepted\n            isOfficial\n            createdAt\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Profile($handle: String!) {\n    user(handle: $handle) {\n      ...UserBits\n      createdAt\n      questions(first: 20) {\n        edges {\n          node {\n            ...QuestionCard\n          }\n        }\n      }\n      answers(first: 20) {\n        edges {\n          node {\n            id\n            score\n            isAccepted\n            isOfficial\n            createdAt\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAttachment($id: ID!, $confirm: Boolean) {\n    publishAttachment(id: $id, confirmWithoutCheck: $confirm) {\n      automaticCheck\n      notice\n      blurred {\n        kind\n      }\n      attachment {\n        id\n        visibility\n        url\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PublishAttachment($id: ID!, $confirm: Boolean) {\n    publishAttachment(id: $id, confirmWithoutCheck: $confirm) {\n      automaticCheck\n      notice\n      blurred {\n        kind\n      }\n      attachment {\n        id\n        visibility\n        url\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostAttachments($id: ID!) {\n    question(id: $id) {\n      id\n      attachments {\n        id\n        width\n        height\n        visibility\n        url\n      }\n      answers(first: 100) {\n        edges {\n          node {\n            id\n            attachments {\n              id\n              width\n              height\n              visibility\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostAttachments($id: ID!) {\n    question(id: $id) {\n      id\n      attachments {\n        id\n        width\n        height\n        visibility\n        url\n      }\n      answers(first: 100) {\n        edges {\n          node {\n            id\n            attachments {\n              id\n              width\n              height\n              visibility\n              url\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskQueue($filter: DeskQueueFilter, $sort: DeskQueueSort, $first: Int, $after: String) {\n    officialQueue(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          question {\n            id\n            title\n            createdAt\n            tags\n            category {\n              key\n              name\n            }\n          }\n          waitingSeconds\n          meTooCount\n          targetMinutes\n          timeLeftSeconds\n          isBreached\n          claim {\n            expiresAt\n            owner {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskQueue($filter: DeskQueueFilter, $sort: DeskQueueSort, $first: Int, $after: String) {\n    officialQueue(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          question {\n            id\n            title\n            createdAt\n            tags\n            category {\n              key\n              name\n            }\n          }\n          waitingSeconds\n          meTooCount\n          targetMinutes\n          timeLeftSeconds\n          isBreached\n          claim {\n            expiresAt\n            owner {\n              id\n              displayName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCategories {\n    categories {\n      key\n      name\n    }\n    deskTargets {\n      categoryKey\n      firstResponseMinutes\n      remindBeforeMinutes\n    }\n  }\n"): (typeof documents)["\n  query DeskCategories {\n    categories {\n      key\n      name\n    }\n    deskTargets {\n      categoryKey\n      firstResponseMinutes\n      remindBeforeMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskStaleAnswers($first: Int) {\n    staleOfficialAnswers(first: $first) {\n      totalCount\n      edges {\n        node {\n          verifiedAt\n          daysSinceVerified\n          answer {\n            id\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskStaleAnswers($first: Int) {\n    staleOfficialAnswers(first: $first) {\n      totalCount\n      edges {\n        node {\n          verifiedAt\n          daysSinceVerified\n          answer {\n            id\n            question {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCannedReplies($category: String) {\n    cannedReplies(category: $category) {\n      id\n      categoryKey\n      title\n      body\n      usageCount\n      unknownVariables\n    }\n  }\n"): (typeof documents)["\n  query DeskCannedReplies($category: String) {\n    cannedReplies(category: $category) {\n      id\n      categoryKey\n      title\n      body\n      usageCount\n      unknownVariables\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskReplySuggestions($questionId: ID!) {\n    replySuggestions(questionId: $questionId, limit: 3) {\n      score\n      sourceQuestion {\n        id\n        title\n      }\n      answer {\n        id\n        body\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskReplySuggestions($questionId: ID!) {\n    replySuggestions(questionId: $questionId, limit: 3) {\n      score\n      sourceQuestion {\n        id\n        title\n      }\n      answer {\n        id\n        body\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskStats($from: String!, $to: String!) {\n    deskStats(from: $from, to: $to) {\n      day\n      categoryKey\n      asked\n      answeredOfficially\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      breaches\n      handoffs\n      deflectedDrafts\n      reverified\n    }\n  }\n"): (typeof documents)["\n  query DeskStats($from: String!, $to: String!) {\n    deskStats(from: $from, to: $to) {\n      day\n      categoryKey\n      asked\n      answeredOfficially\n      firstResponseP50Seconds\n      firstResponseP90Seconds\n      breaches\n      handoffs\n      deflectedDrafts\n      reverified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskClaim($id: ID!) {\n    claimThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n"): (typeof documents)["\n  mutation DeskClaim($id: ID!) {\n    claimThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskRelease($id: ID!) {\n    releaseThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n"): (typeof documents)["\n  mutation DeskRelease($id: ID!) {\n    releaseThread(questionId: $id) {\n      id\n      officialHandling\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskHandOff($id: ID!, $reason: String!, $channel: SupportChannel) {\n    handOffToPrivateSupport(questionId: $id, reason: $reason, channel: $channel) {\n      id\n      privateSupport {\n        caseReference\n        isOpen\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeskHandOff($id: ID!, $reason: String!, $channel: SupportChannel) {\n    handOffToPrivateSupport(questionId: $id, reason: $reason, channel: $channel) {\n      id\n      privateSupport {\n        caseReference\n        isOpen\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskCreateCanned($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeskCreateCanned($input: CannedReplyInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskInsertCanned($id: ID!, $questionId: ID!) {\n    insertCannedReply(id: $id, questionId: $questionId) {\n      text\n      usageCount\n    }\n  }\n"): (typeof documents)["\n  mutation DeskInsertCanned($id: ID!, $questionId: ID!) {\n    insertCannedReply(id: $id, questionId: $questionId) {\n      text\n      usageCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;