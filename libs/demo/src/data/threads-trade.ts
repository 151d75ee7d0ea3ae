import { DemoThread } from './demo-types';

// 交易纠纷: refunds, merchants that never ship, the wrong payment method, 花呗/借呗 repayment,
// money sent to the wrong account.

export const TRADE_THREADS: readonly DemoThread[] = [
  {
    key: 'merchant-no-ship',
    by: 'xiaowang',
    title: '付款一周了商家一直不发货，怎么申请退款？',
    body: `在一个小店买了双运动鞋，**付款已经 7 天**，订单一直是“待发货”。联系客服只回复“在安排”，再问就不理了。

想直接退款，应该怎么操作？会不会被商家拒绝？`,
    tags: ['退款', '交易纠纷', '商家不发货'],
    up: ['chenjie_hz', 'laozhou'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        endorsedBy: 'alipay_support',
        up: ['xiaowang', 'chenjie_hz', 'lina_gz', 'tom_bj'],
        body: `按这个顺序来：

1. 在购物平台的订单里点**“申请退款”**，原因选“商家未按约定时间发货”，未发货的订单一般可以**仅退款**；
2. 商家在规定时间内不处理，系统通常会自动同意；
3. 如果商家拒绝，点**“申请平台介入”**，上传你和客服的聊天截图；
4. 如果是扫码直接付给商家的（没有订单系统），打开 App 的**账单详情**，里面有“对此订单有疑问/投诉”的入口。

整个过程不需要你提供任何密码，**有人让你加好友“帮你退款”的都是骗子**。`,
      },
      {
        by: 'laozhou',
        up: ['xiaowang'],
        body: `补充：聊天记录一定在平台内聊，别被拉到其他聊天软件里，不然平台介入时证据不好用。`,
      },
    ],
  },
  {
    key: 'refund-not-arrived',
    by: 'lina_gz',
    title: '退款显示成功，但钱一直没到账',
    body: `网购退货，商家三天前就显示**“退款成功”**，可我的余额里没看到这笔钱。当时付款用的是银行卡。

钱去哪了？`,
    tags: ['退款', '到账时间'],
    answers: [
      {
        by: 'alipay_support',
        up: ['lina_gz', 'xiaowang', 'ahua_helper'],
        body: `您好，退款会**按原支付方式退回**，到账时间取决于当时的付款方式：

- **余额**：通常即时到账；
- **余额宝**：退回余额宝，一般即时到账；
- **储蓄卡/信用卡**：退回银行卡，需要银行处理，通常需要几个工作日；
- **花呗**：恢复花呗额度，如已还款则按规则退回。

您可以在**账单详情 → 退款进度**查看资金去向。如果超过页面提示的时间仍未到账，请联系发卡银行，或通过 App 内【我的 → 客服】联系我们。`,
      },
    ],
  },
  {
    key: 'wrong-recipient',
    by: 'chenjie_hz',
    title: '转账转错人了，对方不回消息，钱还能追回吗？',
    body: `给同事转 500 元，手机号少输了一位，转到了一个**同姓的陌生人**那里。已经在转账页给他留言了，一天了没回复。

能直接撤回吗？`,
    tags: ['转账到错误账户', '转账'],
    up: ['xiaowang', 'lina_gz'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['chenjie_hz', 'lina_gz'],
        body: `到账的转账**不能单方面撤回**，但可以这样做：

1. 在**转账记录 → 详情**里找到“联系对方”，礼貌说明情况，请对方通过**原路退回**；
2. 同时联系官方客服说明情况，客服可以协助联系收款方；
3. 对方拒不退还的，保留转账凭证和沟通记录，可以**向公安机关报案或向法院起诉**（不当得利）。

我上次转错，对方隔了两天才看到消息，最后原路退回了，别太着急。`,
      },
      {
        by: 'alipay_support',
        up: ['chenjie_hz'],
        body: `您好，转账成功后资金已进入对方账户，需要对方同意才能退回。您可以在 App 内【我的 → 客服】提交“转错账”求助，我们会协助联系收款方。

**请警惕：** 如果有陌生人主动联系您，声称能“帮您追回转错的钱”并要求支付费用或提供验证码，这是常见的诈骗手法。`,
      },
    ],
  },
  {
    key: 'wrong-method-huabei',
    by: 'tom_bj',
    title: '本来想用余额付款，结果默认用了花呗，能改吗？',
    body: `买了个 300 块的东西，付完才发现付款方式是**花呗**，我其实不想用花呗。已经付完了还能改成余额吗？`,
    tags: ['花呗', '付款方式'],
    answers: [
      {
        by: 'laozhou',
        accepted: true,
        up: ['tom_bj', 'xiaowang'],
        body: `已经完成的付款**不能改付款方式**。两个办法：

- 如果东西还没发，**申请退款再重新用余额买**；
- 或者直接在花呗里**提前还款**，当月账单提前还清不产生利息。

以后防止再发生：在【设置 → 支付设置 → 扣款顺序】把**余额**调到第一位，付款时也可以在确认页手动切换。`,
      },
    ],
  },
  {
    key: 'foreign-card',
    by: 'mia_sh',
    title: 'Adding a foreign Visa card keeps failing',
    body: `When I try to add my Visa card issued in Germany, I get "**card verification failed**" after entering the details. The card works fine online elsewhere.

Any tips?`,
    tags: ['foreign-card', 'expat', '绑卡'],
    answers: [
      {
        by: 'tom_bj',
        accepted: true,
        up: ['mia_sh', 'ahua_helper'],
        body: `A few things that fixed it for me:

- Make sure the **name matches your verified identity** exactly (same order as in your passport).
- Your bank may block the first verification charge as suspicious — check your banking app and **approve it** there.
- Use the **billing address** your bank has on file.

After I approved the verification in my bank's app it went through on the second try.`,
      },
    ],
  },
  {
    key: 'huabei-autorepay-failed',
    by: 'laozhou',
    title: '花呗自动还款失败了，今天是还款日，会影响征信吗？',
    body: `收到通知说**花呗自动还款失败**，原因是“扣款账户余额不足”。我工资卡里明明有钱。

今天就是还款日，现在手动还还来得及吗？会不会上征信？`,
    tags: ['花呗', '还款', '征信'],
    up: ['chenjie_hz'],
    answers: [
      {
        by: 'alipay_support',
        up: ['laozhou', 'chenjie_hz', 'ahua_helper'],
        body: `您好，请您**在还款日当天**进入【花呗 → 立即还款】手动还款，当天还清即不算逾期。

自动还款失败常见原因：
1. 自动还款设置的扣款顺序里，排在前面的账户余额不足；
2. 绑定的银行卡单日限额不足或卡片状态异常；
3. 银行卡已过期或已更换。

建议在【花呗 → 设置 → 自动还款】检查扣款顺序。逾期记录可能影响个人信用，请尽量按时还款。`,
      },
      {
        by: 'ahua_helper',
        up: ['laozhou'],
        body: `大概率是你自动还款设置里第一位是余额，余额不够就失败了。把**工资卡调到第一位**就行。`,
      },
    ],
  },
  {
    key: 'jiebei-early',
    by: 'lina_gz',
    title: '借呗可以提前还款吗？利息怎么算？',
    body: `借了一笔 12 期的借呗，现在手头宽裕了想提前还清，会不会有违约金？利息是按 12 期算还是按实际天数算？`,
    tags: ['借呗', '提前还款'],
    answers: [
      {
        by: 'ahua_helper',
        endorsedBy: 'alipay_support',
        up: ['lina_gz', 'laozhou'],
        body: `可以提前还，在借呗的**借款记录**里选这笔借款，点“提前还款”。

- 利息一般是**按实际使用天数**计算的，提前还只付到还款日为止的利息；
- 具体金额在还款确认页会显示，以页面为准；
- 可以选择全部还清或只还一部分。

还之前看一眼确认页的金额明细，心里有数。`,
      },
    ],
  },
  {
    key: 'double-charge',
    by: 'xiaowang',
    title: '扫码付款被扣了两次钱',
    body: `在便利店扫码付 28 元，第一次页面卡住了，店员让我再扫一次，结果账单里有**两笔 28 元**。

店员说他们只收到一笔。另一笔会自己退回来吗？`,
    tags: ['重复扣款', '退款'],
    answers: [
      {
        by: 'laozhou',
        accepted: true,
        up: ['xiaowang', 'tom_bj'],
        body: `先看账单里那两笔的**状态**：

- 如果其中一笔是“**交易关闭**”或“处理中”，通常会自动退回，不用管；
- 如果两笔都是“交易成功”，保存小票，联系商家退款；
- 商家不配合，在那笔账单详情里点**“对此订单有疑问”**发起投诉。

我遇到过一次，第二天那笔就自己退回来了。`,
      },
    ],
  },
  {
    key: 'hotel-preauth',
    by: 'tom_bj',
    title: 'Hotel pre-authorisation still not released after checkout',
    body: `I checked out of a hotel in Hangzhou five days ago. At check-in they put a **¥1,000 pre-authorisation (预授权)** on my account. The bill shows the room charge was paid, but the ¥1,000 still looks frozen.

How long does it take to be released?`,
    tags: ['refund', 'expat', '预授权'],
    answers: [
      {
        by: 'alipay_support',
        up: ['tom_bj', 'mia_sh'],
        body: `Hello, a pre-authorisation is released when the merchant **completes or cancels** it. Please check the bill details: if it still shows "frozen", ask the hotel front desk to complete the pre-authorisation in their system.

If the hotel has already done so and the amount is still not released, contact us through **Me → Customer Service** in the app with the bill details. We will never ask for your password or verification code.`,
      },
    ],
  },
  {
    key: 'auto-renew',
    by: 'chenjie_hz',
    title: '视频会员到期自动续费扣了钱，怎么取消自动扣款？',
    body: `去年开的视频会员，今天被**自动续费扣了一年的钱**，完全不记得开过自动续费。

怎么关掉？已经扣的钱能要回来吗？`,
    tags: ['自动扣款', '免密支付'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['chenjie_hz', 'lina_gz', 'xiaowang'],
        body: `**关闭自动扣款：** 【我的 → 设置 → 支付设置 → 免密支付/自动扣款】，找到那个视频应用，点“关闭服务”。

**已扣的钱：** 去视频应用的客服申请退款，很多平台对刚续费、没使用的会员可以退。

顺便把列表里其他不用的自动扣款也一起关了，我清出来好几个忘了的。`,
      },
    ],
  },
  {
    key: 'refund-rejected',
    by: 'tom_bj',
    title: '退款申请被商家拒绝，申请平台介入要多久？',
    body: `收到的衣服有明显破洞，申请**退货退款**被商家拒绝了，理由是“影响二次销售”。我收到就拍了照片。

申请平台介入一般要多久出结果？需要准备什么？`,
    tags: ['退款', '平台介入', '交易纠纷'],
    answers: [
      {
        by: 'alipay_support',
        up: ['tom_bj', 'ahua_helper'],
        body: `您好，申请平台介入时请准备：

1. **商品问题的照片或视频**，能看到破损部位和商品标签；
2. 与商家的**沟通记录**；
3. 物流信息（如已寄回）。

介入后双方都有时间补充举证，处理结果会通过消息通知您，具体时长视案件情况而定。举证越完整，处理越快。`,
      },
    ],
  },
  {
    key: 'installment-fee',
    by: 'laozhou',
    title: '花呗分期后提前还清，手续费会退吗？',
    body: `买手机分了 12 期，现在想提前全部还掉。已经付的手续费和没到期的手续费怎么算？`,
    tags: ['花呗', '分期'],
    answers: [
      {
        by: 'ahua_helper',
        up: ['laozhou'],
        body: `已经付的那几期手续费**不会退**。没到期的部分要看当时的分期规则，在**提前还款确认页**会显示需要付多少，以那个页面为准。`,
      },
    ],
  },
  {
    key: 'takeaway-refund',
    by: 'lina_gz',
    title: '外卖订单取消了，退款退到哪里去了？',
    body: `外卖取消后说已退款，但余额没变。我是用**余额宝**付的。`,
    tags: ['退款', '余额宝'],
    answers: [
      {
        by: 'laozhou',
        accepted: true,
        up: ['lina_gz'],
        body: `用余额宝付的会**退回余额宝**，不是余额。打开余额宝的交易记录就能看到那笔“退款转入”。`,
      },
    ],
  },
  {
    key: 'credit-card-pending',
    by: 'xiaowang',
    title: '信用卡还款一直显示“处理中”',
    body: `昨晚十点多还的信用卡，到现在还是**处理中**，明天就是最后还款日了，会不会逾期？`,
    tags: ['信用卡还款'],
    answers: [],
  },
];
