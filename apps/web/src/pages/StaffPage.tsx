import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Empty, Input, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import { graphql } from '../gql';
import type { DeskClaimFilter, DeskQueueSort, SupportChannel } from '../gql/graphql';
import { describeError } from '../lib/describe-error';
import { useToast } from '../lib/toast';
import { useTitle } from '../lib/use-title';

// 官方工作台 (/staff): the official desk for official accounts and moderators.

const DeskQueue = graphql(`
  query DeskQueue($filter: DeskQueueFilter, $sort: DeskQueueSort, $first: Int, $after: String) {
    officialQueue(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          question {
            id
            title
            createdAt
            tags
            category {
              key
              name
            }
          }
          waitingSeconds
          meTooCount
          targetMinutes
          timeLeftSeconds
          isBreached
          claim {
            expiresAt
            owner {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

const DeskCategories = graphql(`
  query DeskCategories {
    categories {
      key
      name
    }
    deskTargets {
      categoryKey
      firstResponseMinutes
      remindBeforeMinutes
    }
  }
`);

const StaleAnswers = graphql(`
  query DeskStaleAnswers($first: Int) {
    staleOfficialAnswers(first: $first) {
      totalCount
      edges {
        node {
          verifiedAt
          daysSinceVerified
          answer {
            id
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

const CannedRepliesQuery = graphql(`
  query DeskCannedReplies($category: String) {
    cannedReplies(category: $category) {
      id
      categoryKey
      title
      body
      usageCount
      unknownVariables
    }
  }
`);

const DeskReplySuggestions = graphql(`
  query DeskReplySuggestions($questionId: ID!) {
    replySuggestions(questionId: $questionId, limit: 3) {
      score
      sourceQuestion {
        id
        title
      }
      answer {
        id
        body
      }
    }
  }
`);

const DeskStatsQuery = graphql(`
  query DeskStats($from: String!, $to: String!) {
    deskStats(from: $from, to: $to) {
      day
      categoryKey
      asked
      answeredOfficially
      firstResponseP50Seconds
      firstResponseP90Seconds
      breaches
      handoffs
      deflectedDrafts
      reverified
    }
  }
`);

const ClaimMutation = graphql(`
  mutation DeskClaim($id: ID!) {
    claimThread(questionId: $id) {
      id
      officialHandling
    }
  }
`);

const ReleaseMutation = graphql(`
  mutation DeskRelease($id: ID!) {
    releaseThread(questionId: $id) {
      id
      officialHandling
    }
  }
`);

const HandOffMutation = graphql(`
  mutation DeskHandOff($id: ID!, $reason: String!, $channel: SupportChannel) {
    handOffToPrivateSupport(questionId: $id, reason: $reason, channel: $channel) {
      id
      privateSupport {
        caseReference
        isOpen
      }
    }
  }
`);

const CreateCannedMutation = graphql(`
  mutation DeskCreateCanned($input: CannedReplyInput!) {
    createCannedReply(input: $input) {
      id
    }
  }
`);

const InsertCannedMutation = graphql(`
  mutation DeskInsertCanned($id: ID!, $questionId: ID!) {
    insertCannedReply(id: $id, questionId: $questionId) {
      text
      usageCount
    }
  }
`);

function duration(seconds: number): string {
  const s = Math.abs(seconds);
  const text = s >= 3600 ? `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分` : `${Math.floor(s / 60)} 分钟`;
  return seconds < 0 ? `已超时 ${text}` : text;
}

function QueueTab({ myId, isOfficial }: { myId: string; isOfficial: boolean }) {
  const message = useToast();
  const { t } = useTranslation();
  const [category, setCategory] = useState<string | undefined>();
  const [claim, setClaim] = useState<DeskClaimFilter>('ANY');
  const [sort, setSort] = useState<DeskQueueSort>('WAITING');
  const [breachedOnly, setBreachedOnly] = useState(false);
  const [handOff, setHandOff] = useState<{ id: string; title: string } | null>(null);
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<SupportChannel>('IN_APP');
  const cats = useQuery(DeskCategories);
  const { data, loading, error, refetch, fetchMore } = useQuery(DeskQueue, {
    variables: { filter: { category, claim, breachedOnly }, sort, first: 20 },
    fetchPolicy: 'network-only',
  });
  const done = { onCompleted: () => void refetch(), onError: (e: unknown) => message.error(describeError(e, t)) };
  const [claimThread] = useMutation(ClaimMutation, done);
  const [releaseThread] = useMutation(ReleaseMutation, done);
  const [handOffThread, handOffState] = useMutation(HandOffMutation);
  const edges = data?.officialQueue.edges ?? [];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部分类"
          aria-label="分类"
          style={{ minWidth: 140 }}
          value={category}
          onChange={(v) => setCategory(v)}
          options={(cats.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))}
        />
        <Radio.Group
          aria-label="认领状态"
          value={claim}
          onChange={(e) => setClaim(e.target.value as DeskClaimFilter)}
          optionType="button"
          options={[
            { value: 'ANY', label: '全部' },
            { value: 'UNCLAIMED', label: '未认领' },
            { value: 'CLAIMED', label: '已认领' },
            { value: 'MINE', label: '我的' },
          ]}
        />
        <Radio.Group
          aria-label="排序"
          value={sort}
          onChange={(e) => setSort(e.target.value as DeskQueueSort)}
          optionType="button"
          options={[
            { value: 'WAITING', label: '等待最久' },
            { value: 'ME_TOO', label: '我也遇到了最多' },
            { value: 'TIME_LEFT', label: '最接近时限' },
          ]}
        />
        <Checkbox checked={breachedOnly} onChange={(e) => setBreachedOnly(e.target.checked)}>
          只看已超时
        </Checkbox>
      </Space>
      {error && <ErrorNote error={error} />}
      {loading && !data && <Loading />}
      {data && <p className="q-meta">共 {data.officialQueue.totalCount} 个待官方回复的帖子</p>}
      {data && edges.length === 0 && <Empty description="队列是空的" />}
      <ul className="q-list" data-testid="desk-queue">
        {edges.map(({ node: n }) => {
          const mine = n.claim?.owner.id === myId;
          return (
            <li key={n.question.id} className="q-item">
              <Link to={`/q/${n.question.id}`}>
                <strong>{n.question.title}</strong>
              </Link>
              <div className="q-meta">
                <Space wrap size={4}>
                  {n.question.category && <Tag>{n.question.category.name}</Tag>}
                  <span>等待 {duration(n.waitingSeconds)}</span>
                  <span>我也遇到了 {n.meTooCount}</span>
                  <Tag color={n.isBreached ? 'red' : n.timeLeftSeconds < 1800 ? 'orange' : 'green'}>
                    {n.isBreached ? duration(n.timeLeftSeconds) : `剩余 ${duration(n.timeLeftSeconds)}`}（时限 {n.targetMinutes} 分钟）
                  </Tag>
                  {n.claim && <Tag color="blue">官方处理中 · {n.claim.owner.displayName}</Tag>}
                </Space>
              </div>
              <div className="actions">
                {isOfficial && !n.claim && (
                  <Button size="small" type="primary" onClick={() => void claimThread({ variables: { id: n.question.id } })}>
                    认领
                  </Button>
                )}
                {n.claim && (mine || !isOfficial) && (
                  <Button size="small" onClick={() => void releaseThread({ variables: { id: n.question.id } })}>
                    释放
                  </Button>
                )}
                <Button size="small" onClick={() => setHandOff({ id: n.question.id, title: n.question.title })}>
                  转人工处理
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {data?.officialQueue.pageInfo.hasNextPage && (
        <Button onClick={() => void fetchMore({ variables: { after: data.officialQueue.pageInfo.endCursor } })}>
          加载更多
        </Button>
      )}
      <Modal
        open={handOff !== null}
        title={`转人工处理：${handOff?.title ?? ''}`}
        okText="确认转人工"
        cancelText="取消"
        confirmLoading={handOffState.loading}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onCancel={() => setHandOff(null)}
        onOk={() => {
          if (!handOff) return;
          void handOffThread({ variables: { id: handOff.id, reason, channel } })
            .then((res) => {
              message.success(`已转人工，案件编号 ${res.data?.handOffToPrivateSupport.privateSupport?.caseReference ?? ''}`);
              setHandOff(null);
              setReason('');
              void refetch();
            })
            .catch((e: unknown) => message.error(describeError(e, t)));
        }}
      >
        <p>提问者会收到案件编号和联系渠道；帖子里会显示已转人工的公开说明，不会要求任何人公开个人信息。</p>
        <Input.TextArea
          aria-label="转人工原因（仅官方可见）"
          placeholder="原因（仅官方和版主可见），例如：需要核对具体交易"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
        <Radio.Group
          style={{ marginTop: 8 }}
          aria-label="渠道"
          value={channel}
          onChange={(e) => setChannel(e.target.value as SupportChannel)}
          options={[
            { value: 'IN_APP', label: 'App 内「我的客服」' },
            { value: 'HOTLINE', label: '客服热线 95188' },
          ]}
        />
      </Modal>
    </div>
  );
}

function StaleTab() {
  const { data, loading, error } = useQuery(StaleAnswers, { variables: { first: 50 }, fetchPolicy: 'network-only' });
  if (error) return <ErrorNote error={error} />;
  if (loading && !data) return <Loading />;
  const edges = data?.staleOfficialAnswers.edges ?? [];
  if (edges.length === 0) return <Empty description="没有需要复核的官方回答" />;
  return (
    <ul className="q-list">
      {edges.map(({ node: n }) => (
        <li key={n.answer.id} className="q-item">
          <Link to={`/q/${n.answer.question.id}`}>{n.answer.question.title}</Link>
          <div className="q-meta">
            最后核实 {dayjs(n.verifiedAt).format('YYYY-MM-DD')}（{n.daysSinceVerified} 天前）
          </div>
        </li>
      ))}
    </ul>
  );
}

function CannedTab({ isOfficial }: { isOfficial: boolean }) {
  const message = useToast();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(CannedRepliesQuery, { fetchPolicy: 'network-only' });
  const [create, createState] = useMutation(CreateCannedMutation);
  const [insert] = useMutation(InsertCannedMutation);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [questionId, setQuestionId] = useState('');
  const [rendered, setRendered] = useState<{ text: string; questionId: string } | null>(null);
  const suggestions = useQuery(DeskReplySuggestions, {
    variables: { questionId },
    skip: !/^\d+$/.test(questionId),
  });
  return (
    <div>
      {error && <ErrorNote error={error} />}
      {loading && !data && <Loading />}
      <p className="q-meta">可用变量：{'{asker}'} 提问者，{'{category}'} 分类，{'{thread_url}'} 帖子链接。插入后请在回答框中检查、修改后再发布。</p>
      <Space style={{ marginBottom: 12 }}>
        <Input
          aria-label="帖子编号"
          placeholder="要回复的帖子编号"
          value={questionId}
          onChange={(e) => setQuestionId(e.target.value.trim())}
          style={{ width: 180 }}
        />
      </Space>
      {suggestions.data && suggestions.data.replySuggestions.length > 0 && (
        <div className="card" style={{ marginBottom: 12 }} data-testid="reply-suggestions">
          <h3>相似已解决帖子中的回答</h3>
          <ul className="q-list">
            {suggestions.data.replySuggestions.map((r) => (
              <li key={r.answer.id} className="q-item">
                <Link to={`/q/${r.sourceQuestion.id}`}>{r.sourceQuestion.title}</Link>
                <p className="q-meta" style={{ margin: '4px 0' }}>
                  {r.answer.body.slice(0, 120)}
                  {r.answer.body.length > 120 ? '…' : ''}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="q-list" data-testid="canned-list">
        {(data?.cannedReplies ?? []).map((c) => (
          <li key={c.id} className="q-item">
            <strong>{c.title}</strong> <span className="q-meta">已使用 {c.usageCount} 次</span>
            <p style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{c.body}</p>
            {c.unknownVariables.length > 0 && <Tag color="orange">未知变量：{c.unknownVariables.join('、')}</Tag>}
            {isOfficial && (
              <Button
                size="small"
                disabled={!/^\d+$/.test(questionId)}
                onClick={() =>
                  void insert({ variables: { id: c.id, questionId } })
                    .then((res) => {
                      if (res.data) setRendered({ text: res.data.insertCannedReply.text, questionId });
                      void refetch();
                    })
                    .catch((e: unknown) => message.error(describeError(e, t)))
                }
              >
                填入帖子
              </Button>
            )}
          </li>
        ))}
      </ul>
      {isOfficial && (
        <div className="card" style={{ marginTop: 12 }}>
          <h3>新建快捷回复</h3>
          <Input aria-label="标题" placeholder="标题" value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} />
          <Input.TextArea
            aria-label="内容"
            placeholder="内容，可使用 {asker} {category} {thread_url}"
            value={body}
            rows={4}
            maxLength={5000}
            style={{ marginTop: 8 }}
            onChange={(e) => setBody(e.target.value)}
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={createState.loading}
            onClick={() =>
              void create({ variables: { input: { title, body } } })
                .then(() => {
                  setTitle('');
                  setBody('');
                  void refetch();
                })
                .catch((e: unknown) => message.error(describeError(e, t)))
            }
          >
            保存
          </Button>
        </div>
      )}
      <Modal
        open={rendered !== null}
        title="填好的回复（不会自动发布）"
        onCancel={() => setRendered(null)}
        footer={[
          <Button key="copy" onClick={() => void navigator.clipboard?.writeText(rendered?.text ?? '')}>
            复制
          </Button>,
          <Link key="go" to={`/q/${rendered?.questionId ?? ''}`}>
            <Button type="primary">去帖子里回答</Button>
          </Link>,
        ]}
      >
        <Input.TextArea aria-label="填好的回复" value={rendered?.text ?? ''} rows={6} readOnly />
      </Modal>
    </div>
  );
}

function Bars({ rows, value, label }: { rows: { day: string; n: number }[]; value: string; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <figure style={{ margin: '12px 0' }}>
      <figcaption>
        <strong>{label}</strong>
      </figcaption>
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 4, height: 120 }} role="img" aria-label={label}>
        {rows.map((r) => (
          <div key={r.day} title={`${r.day}：${r.n}${value}`} style={{ flex: 1, textAlign: 'center', fontSize: 11 }}>
            <div style={{ height: `${(r.n / max) * 100}px`, background: '#1677ff', borderRadius: 2 }} />
            {r.day.slice(5)}
          </div>
        ))}
      </div>
    </figure>
  );
}

function StatsTab() {
  const to = dayjs().add(1, 'day').format('YYYY-MM-DD');
  const from = dayjs().subtract(13, 'day').format('YYYY-MM-DD');
  const { data, loading, error } = useQuery(DeskStatsQuery, { variables: { from, to }, fetchPolicy: 'network-only' });
  const all = useMemo(() => (data?.deskStats ?? []).filter((d) => d.categoryKey === null), [data]);
  if (error) return <ErrorNote error={error} />;
  if (loading && !data) return <Loading />;
  const minutes = (s: number | null) => (s === null ? '—' : `${Math.round(s / 60)} 分钟`);
  return (
    <div>
      <Bars label="每日提问" value=" 个" rows={all.map((d) => ({ day: d.day, n: d.asked }))} />
      <Bars label="官方已回复" value=" 个" rows={all.map((d) => ({ day: d.day, n: d.answeredOfficially }))} />
      <Bars label="超时" value=" 个" rows={all.map((d) => ({ day: d.day, n: d.breaches }))} />
      <Table
        size="small"
        rowKey={(d) => `${d.day}-${d.categoryKey ?? 'all'}`}
        pagination={false}
        dataSource={data?.deskStats ?? []}
        scroll={{ x: true }}
        columns={[
          { title: '日期', dataIndex: 'day' },
          { title: '分类', dataIndex: 'categoryKey', render: (v: string | null) => v ?? '全部' },
          { title: '提问', dataIndex: 'asked' },
          { title: '官方回复', dataIndex: 'answeredOfficially' },
          { title: '首次响应 P50', dataIndex: 'firstResponseP50Seconds', render: minutes },
          { title: 'P90', dataIndex: 'firstResponseP90Seconds', render: minutes },
          { title: '超时', dataIndex: 'breaches' },
          { title: '转人工', dataIndex: 'handoffs' },
          { title: '被建议分流', dataIndex: 'deflectedDrafts', render: (v: number | null) => v ?? '—' },
          { title: '复核', dataIndex: 'reverified' },
        ]}
      />
    </div>
  );
}

export default function StaffPage() {
  useTitle('官方工作台');
  const { me, isStaff, loading } = useAuth();
  if (loading) return <Loading />;
  const isOfficial = Boolean(me?.isOfficial);
  if (!me || (!isOfficial && !isStaff)) return <Alert type="error" showIcon role="alert" title="只有官方账号和版主可以使用官方工作台" />;
  return (
    <div className="card">
      <h1 className="page-title">官方工作台</h1>
      <Tabs
        items={[
          { key: 'queue', label: '待处理队列', children: <QueueTab myId={me.id} isOfficial={isOfficial} /> },
          { key: 'stale', label: '待复核', children: <StaleTab /> },
          { key: 'canned', label: '快捷回复', children: <CannedTab isOfficial={isOfficial} /> },
          { key: 'stats', label: '数据', children: <StatsTab /> },
        ]}
      />
    </div>
  );
}
