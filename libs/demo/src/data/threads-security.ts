import { DemoThread } from './demo-types';

// 安全咨询: stolen-account fears, risk-control false positives after a new phone or a new city,
// scam calls, unusual-login alerts.

export const SECURITY_THREADS: readonly DemoThread[] = [
  {
    key: 'new-phone-risk',
    by: 'lina_gz',
    title: '换了新手机登录后提示“存在风险”，转账被限制了',
    body: `周末换了新手机，登录时要了人脸验证，登进去以后给我妈转 2000 元，提示**“当前操作存在风险，暂时无法转账”**。

- 手机号没变
- 旧手机已经恢复出厂设置了
- 付款码买东西倒是能用

这是被风控了吗？多久能恢复？`,
    tags: ['风控', '新设备', '登录'],
    up: ['xiaowang', 'laozhou', 'chenjie_hz', 'tom_bj'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['lina_gz', 'xiaowang', 'laozhou', 'mia_sh'],
        body: `新设备登录后**短时间内限制大额转账**是很常见的保护措施，不是账户出了问题。我的经验：

1. 打开【安全中心】，如果有“**设备验证**”或“**身份验证**”的提示，按提示做完；
2. 新手机上正常用一两天（付款码、缴费这些小额操作），限制通常会自己解除；
3. 着急的话可以先**小额多次**转，或者让家人扫你的收款码。

千万别去找什么“解除风控”的服务，都是骗钱的。`,
      },
      {
        by: 'security_center',
        up: ['lina_gz', 'ahua_helper', 'chenjie_hz'],
        body: `您好，这里是支付宝安全中心。更换设备后，系统会对部分高风险操作（如大额转账）进行额外保护，以防止他人在新设备上盗用您的账户。

您可以在【我的 → 设置 → 账号与安全 → 安全中心】完成**身份验证**，验证通过后限制会解除。

**请注意：** 任何要求您提供短信验证码、登录密码或支付密码，或要求您向“安全账户”转账“解除风控”的，都是诈骗。`,
      },
    ],
  },
  {
    key: 'new-phone-risk-dup',
    by: 'laozhou',
    title: '新手机登录被风控了，转不了账怎么办？',
    body: `刚换的手机，登录以后转账提示有风险，转不出去。求助！`,
    tags: ['风控', '新设备'],
    answers: [],
    duplicateOf: { key: 'new-phone-risk', closedBy: 'mod_lin' },
  },
  {
    key: 'new-city',
    by: 'chenjie_hz',
    title: '出差到成都，付款突然每次都要人脸验证',
    body: `在杭州用得好好的，这周出差到成都，**每次付款都要刷脸**，连买杯咖啡都要。

是不是账户出问题了？回杭州以后会恢复吗？`,
    tags: ['风控', '异地登录', '人脸识别'],
    answers: [
      {
        by: 'security_center',
        up: ['chenjie_hz', 'tom_bj', 'lina_gz'],
        body: `您好，当您在**不常用的城市**使用账户时，系统可能会增加验证步骤，这是为了确认是您本人在操作。

- 这**不代表**账户有问题；
- 在新城市正常使用一段时间后，验证频率一般会下降；
- 回到常用城市后通常会恢复正常。

如果您发现有不是本人发起的验证请求，请立即在【安全中心】检查登录设备并修改密码。`,
      },
    ],
  },
  {
    key: 'sim-travel',
    by: 'tom_bj',
    title: 'Payment blocked after I arrived in Shanghai with a new SIM card',
    body: `I flew in from Beijing, swapped to a new local SIM, and now every payment over a small amount says **"This transaction has been declined for your security"**.

My account is verified with my passport. Did I do something wrong?`,
    tags: ['risk-control', 'expat', 'travel'],
    up: ['mia_sh'],
    answers: [
      {
        by: 'mia_sh',
        accepted: true,
        up: ['tom_bj'],
        body: `Same thing happened to me. A new SIM **plus** a new city looks unusual to the risk checks. What worked:

1. Open **Security Center** in the app and complete the face check it asks for.
2. If you changed your phone number, **update it in Account & Security** first, then verify.
3. Use it normally for a day — small payments first.

It was back to normal the next day.`,
      },
      {
        by: 'security_center',
        up: ['tom_bj', 'mia_sh'],
        body: `Hello, changing your SIM card and city at the same time can trigger extra protection. Please complete identity verification in **Security Center**; the limits are lifted once it succeeds.

We will never ask you for your password or SMS verification code, and there is no paid "unblocking" service.`,
      },
    ],
  },
  {
    key: 'scam-call',
    by: 'xiaowang',
    title: '接到自称客服的电话，说要帮我“关闭百万保障”，不关每月扣费',
    body: `刚才有个电话，对方说自己是**官方客服**，说我开通了“百万保障”，**不关闭的话每个月扣 500 元**，还能准确说出我的名字。

他让我打开 App 按他说的操作，我有点怀疑就先挂了。这是真的吗？`,
    tags: ['诈骗电话', '防骗'],
    up: ['chenjie_hz', 'laozhou', 'ahua_helper', 'mia_sh'],
    answers: [
      {
        by: 'alipay_support',
        accepted: true,
        up: ['xiaowang', 'chenjie_hz', 'laozhou', 'lina_gz', 'tom_bj'],
        body: `您好，**这是典型的诈骗电话**，您挂断是正确的。

请记住：
1. 官方**不会**主动打电话要求您“关闭保障”“注销服务”“调整额度”；
2. 官方**不会**索要您的密码、短信验证码，也不会让您开启屏幕共享或下载会议软件；
3. 官方**不会**要求您把钱转到任何“安全账户”。

如需核实，请**自己打开 App**，在【我的 → 客服】中查询，不要回拨对方留下的号码。如已转账，请立即报警。`,
      },
      {
        by: 'laozhou',
        up: ['xiaowang'],
        body: `我爸上个月接到一样的电话，骗子还知道他买过什么东西，差点就信了。**能说出你名字不代表是真的**，信息可能早就泄露了。`,
      },
    ],
  },
  {
    key: 'abnormal-login',
    by: 'tom_bj',
    title: '收到“异常登录提醒”，但那个时间我没有登录',
    body: `凌晨 3 点收到一条**异常登录提醒**，显示是在另一个省份的设备登录的。我当时在睡觉，手机就在身边。

现在该做什么？`,
    tags: ['异常登录提醒', '账户安全'],
    answers: [
      {
        by: 'security_center',
        up: ['tom_bj', 'ahua_helper', 'mod_lin'],
        body: `您好，请立即按以下步骤操作：

1. 进入【我的 → 设置 → 账号与安全 → 登录设备管理】，**删除不认识的设备**；
2. **修改登录密码和支付密码**，新密码不要与其他网站相同；
3. 检查**账单**和**免密支付/自动扣款**，确认没有不认识的交易或授权；
4. 如发现资金损失，请立即通过 App 内【我的 → 客服】联系我们并报警。

请通过 App 内的官方入口操作，**不要点击短信中的链接**，也不要把验证码告诉任何人。`,
      },
      {
        by: 'ahua_helper',
        up: ['tom_bj'],
        body: `改完密码以后，把其他网站用过同一个密码的也一起改掉。很多时候是别的网站泄露了密码，被人拿来“撞库”。`,
      },
    ],
  },
  {
    key: 'lost-phone',
    by: 'lina_gz',
    title: '手机丢了，怎么先把账户保护起来？',
    body: `地铁上手机被偷了，手机上登录着 App，**有锁屏密码**但不知道安不安全。现在用朋友的手机发帖。

第一步该做什么？`,
    tags: ['手机丢失', '挂失', '账户安全'],
    up: ['chenjie_hz'],
    answers: [
      {
        by: 'security_center',
        accepted: true,
        up: ['lina_gz', 'laozhou', 'xiaowang'],
        body: `您好，请尽快按以下顺序操作：

1. **挂失账户**：用其他手机登录 App，在登录页选择“遇到问题 → 挂失账户”，或通过官方客服办理挂失；
2. **补办/停用手机卡**：联系运营商挂失手机号，防止他人接收验证码；
3. **修改密码**：补卡后登录并修改登录密码、支付密码；
4. **检查账单**：如有非本人交易，请联系客服并报警。

挂失后账户将暂停支付功能，找回手机或完成身份验证后可以解除挂失。`,
      },
    ],
  },
  {
    key: 'phishing-sms',
    by: 'chenjie_hz',
    title: '收到短信说账户异常，让点链接“重新认证”',
    body: `短信内容：“【××】您的账户存在异常，将于 24 小时内冻结，请点击链接重新认证……”

链接打开是个**和 App 长得很像的页面**，要填身份证、银行卡号和验证码。我还没填，这是官方的吗？`,
    tags: ['钓鱼短信', '防骗'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['chenjie_hz', 'xiaowang', 'mia_sh'],
        body: `**是钓鱼网站，千万别填！**

- 官方通知会在 App 里的**消息中心**出现，不会让你去短信链接里“重新认证”；
- 任何要你同时填**银行卡号 + 验证码**的网页，都是为了盗刷。

直接删掉短信。如果已经填了，马上改密码、挂失银行卡，并联系官方客服。`,
      },
    ],
  },
  {
    key: 'stranger-transfer',
    by: 'laozhou',
    title: '陌生人转了 2000 元给我，又打电话让我退到另一个账户',
    body: `突然收到一笔**陌生人转账 2000 元**，没过多久有人打电话，说是转错了，求我**转到他给的另一个账户**，说原账户被冻结了。

听着挺着急的，我该退吗？怎么退？`,
    tags: ['防骗', '转账', '诈骗'],
    up: ['xiaowang', 'ahua_helper'],
    answers: [
      {
        by: 'security_center',
        up: ['laozhou', 'xiaowang', 'chenjie_hz'],
        body: `您好，**请不要转到对方提供的其他账户**。这是常见的诈骗或洗钱手法：转入您账户的钱可能来自受害人，您转出后可能被卷入纠纷。

正确做法：
1. 不要动这笔钱；
2. 如确认是误转，只通过转账记录中的**“原路退回”**把钱退回付款账户；
3. 无法确认时，请联系官方客服处理，或向公安机关报案。`,
      },
      {
        by: 'ahua_helper',
        up: ['laozhou'],
        body: `记住一句话：**要退只能原路退，绝不转给第三个账户。**`,
      },
    ],
  },
  {
    key: 'scam-call-en',
    by: 'mia_sh',
    title: 'Got a call in Chinese saying my account will be closed — scam?',
    body: `Someone called, spoke Chinese and a bit of English, said my account "has a problem" and will be **closed today** unless I follow their steps and read them a code from an SMS.

I hung up. Was it real?`,
    tags: ['scam', 'expat', '诈骗电话'],
    answers: [
      {
        by: 'security_center',
        up: ['mia_sh', 'tom_bj', 'ahua_helper'],
        body: `Hello, **it was a scam** — you did the right thing by hanging up.

- We never call to say your account will be closed "today".
- We never ask you to read out an SMS verification code, a password, or to share your screen.

If you are unsure, open the app yourself and check **Me → Customer Service**. If you already shared a code, change your passwords right away and contact us in the app.`,
      },
    ],
  },
  {
    key: 'screen-share',
    by: 'xiaowang',
    title: '对方说帮我办理退款，让我下载会议软件开屏幕共享',
    body: `网购的东西还没到，有人打电话说是**快递/商家客服**，说快递丢了要给我**双倍理赔**，让我下载一个会议软件，打开**屏幕共享**，他“指导”我操作退款。

我现在已经下载了软件但还没开共享，有点害怕。`,
    tags: ['诈骗', '屏幕共享', '退款'],
    up: ['laozhou', 'lina_gz'],
    answers: [
      {
        by: 'alipay_support',
        accepted: true,
        up: ['xiaowang', 'laozhou', 'ahua_helper', 'tom_bj'],
        body: `您好，请**立即挂断电话、不要开启屏幕共享**，并卸载对方让您下载的软件。

屏幕共享会让对方看到您输入的**验证码和密码**，骗子借此盗刷或诱导您“借款理赔”。正规的退款和理赔：
- 只在**购物平台订单页**发起；
- **不需要**屏幕共享，也不需要您输入验证码给别人看；
- 不会要求您先转账或借款。

如已泄露信息或有资金损失，请立即修改密码、联系官方客服并报警。`,
      },
    ],
  },
  {
    key: 'family-transfer-blocked',
    by: 'chenjie_hz',
    title: '给家人转账总被提示“存在风险已拦截”',
    body: `每个月给老家的爸爸转生活费，这个月突然**连续两次被拦截**，提示“该笔交易存在风险”。收款人是我爸，转了好几年了。

怎样才能正常转过去？`,
    tags: ['风控', '转账拦截'],
    answers: [
      {
        by: 'laozhou',
        accepted: true,
        endorsedBy: 'security_center',
        up: ['chenjie_hz', 'lina_gz', 'ahua_helper'],
        body: `我之前也遇到过，这样处理后就好了：

1. 被拦截后按提示**完成身份验证**，有时会问你和收款人的关系，如实选“家人”；
2. 把爸爸加为**亲情卡/常用联系人**，以后给他转账会顺畅很多；
3. 如果还是被拦，去【安全中心】看看有没有需要处理的提醒。

别因为被拦就换个陌生账户“中转”，那样更容易被判定为风险交易。`,
      },
    ],
  },
  {
    key: 'unknown-charge',
    by: 'tom_bj',
    title: '担心账号被盗：账单里有一笔不认识的支出',
    body: `翻账单发现上周有一笔 **68 元**的支出，商户名看不懂，我不记得买过。

是被盗了吗？要不要马上改密码？`,
    tags: ['账户被盗', '账单', '账户安全'],
    answers: [
      {
        by: 'ahua_helper',
        up: ['tom_bj'],
        body: `先别慌，很多时候是**商户名和店名不一样**。点开账单详情，看看**商户全称、时间、地点**，常见的是自动续费、停车费、共享单车。

如果确实不是你：改密码、检查免密支付，然后在那笔账单里点“对此订单有疑问”。`,
      },
      {
        by: 'security_center',
        up: ['tom_bj', 'ahua_helper'],
        body: `您好，如您确认该笔交易非本人操作，请立即：
1. 修改登录密码和支付密码；
2. 在【登录设备管理】中删除不认识的设备；
3. 通过账单详情或 App 内客服发起**非本人交易申诉**。

我们不会通过电话或短信链接要求您提供验证码来“核实交易”。`,
      },
    ],
  },
  {
    key: 'secondhand-confirm',
    by: 'lina_gz',
    title: '二手平台买家让我先“确认收货”再发货，正常吗？',
    body: `我是**卖家**，买家拍下后说他那边显示“要卖家先确认才能付款”，给我发了一张截图，让我去某个页面点“确认收货”。

感觉不太对劲？`,
    tags: ['交易纠纷', '防骗'],
    answers: [
      {
        by: 'laozhou',
        accepted: true,
        up: ['lina_gz', 'chenjie_hz'],
        body: `**不正常，是骗局。** 正常流程是：买家付款 → 你发货 → **买家**确认收货 → 钱到你账户。卖家从来不需要“确认收货”。

对方发的截图和链接都是伪造的，别点。所有操作只在平台自己的订单页里做，聊天也只在平台内聊。`,
      },
    ],
  },
  {
    key: 'friend-loan',
    by: 'mia_sh',
    title: '好友发消息借钱，让我转到一个陌生账户',
    body: `一个很久没联系的朋友突然发消息找我借 3000 元，说急用，让我**转到他“表哥”的账户**。头像和名字都是他的。

怎么判断真假？`,
    tags: ['防骗', '借钱诈骗'],
    answers: [
      {
        by: 'ahua_helper',
        up: ['mia_sh', 'xiaowang'],
        body: `**先打电话或视频**，听到本人声音、看到本人再说。头像和名字都能复制，账号也可能是被盗的。

要你转给“第三个人”的，十有八九是骗子。`,
      },
    ],
  },
];
