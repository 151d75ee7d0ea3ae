import { DemoThread } from './demo-types';

// 账户类: frozen accounts, password and identity checks, 实名认证, 换绑手机号.

export const ACCOUNT_THREADS: readonly DemoThread[] = [
  {
    key: 'frozen-account',
    by: 'chenjie_hz',
    title: '账户突然被冻结，提示“账户存在异常”，怎么申请解封？',
    body: `今天早上打开 App 想给房东转房租，结果提示**“您的账户存在异常，已被限制使用”**，余额和余额宝都动不了。

我最近做过的事情：
- 上周换了新手机
- 前天在一个二手群里卖了台旧电脑，收了一笔 1800 元的款

没有借过钱也没有逾期。请问这种情况要怎么解封？要多久？房租下周就到期了，有点着急。`,
    tags: ['账户冻结', '解封', '账户安全'],
    up: ['xiaowang', 'laozhou', 'lina_gz'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['chenjie_hz', 'laozhou', 'xiaowang', 'lina_gz'],
        body: `我上个月刚遇到过一模一样的情况，按下面的顺序做，**两天就解开了**：

1. 打开【我的 → 设置 → 账号与安全 → 安全中心】，里面会有一条“账户限制”的说明，先看清楚是**限制收款**还是**限制支付**。
2. 点“申请解除限制”，按提示做**人脸验证**，再上传身份证正反面。
3. 如果要求说明资金来源，就如实写“个人闲置物品转让”，把聊天记录和快递单截图传上去。
4. 提交后**不要重复提交**，重复提交会重新排队。

另外提醒一句：这期间如果有人打电话说能“内部加急解封”，一定是骗子，别理。`,
      },
      {
        by: 'alipay_support',
        up: ['chenjie_hz', 'ahua_helper', 'mia_sh'],
        body: `您好，这里是支付宝官方客服。账户出现异常限制时，请按以下方式处理：

1. 在 App 内进入【我的 → 设置 → 账号与安全 → 安全中心】查看限制原因；
2. 按页面提示完成**身份验证**（人脸识别或证件上传），并补充交易说明；
3. 审核结果会通过 App 消息通知您，一般在提交材料后的几个工作日内完成。

**请注意：** 官方客服**不会**以任何理由向您索要登录密码、支付密码或短信验证码，也不会要求您向“安全账户”转账。如有疑问，请只通过 App 内【我的 → 客服】联系我们。`,
      },
    ],
  },
  {
    key: 'change-phone',
    by: 'laozhou',
    title: '旧手机号已经停用，怎么换绑新手机号？',
    body: `以前的号码是公司给办的，离职后被注销了。现在登录要短信验证，**验证码发到旧号码上收不到**。

有没有不用旧号码也能换绑的办法？`,
    tags: ['换绑手机号', '账户安全'],
    up: ['ahua_helper', 'tom_bj'],
    answers: [
      {
        by: 'alipay_support',
        accepted: true,
        up: ['laozhou', 'ahua_helper', 'lina_gz'],
        body: `您好，原手机号无法接收短信时，可以这样换绑：

1. 在登录页选择**“换个方式登录”**，通过人脸验证或登录密码登录；
2. 进入【我的 → 设置 → 账号与安全 → 手机号】，选择**“原手机号不可用”**；
3. 按提示完成人脸验证，输入新手机号并接收验证码即可。

如果人脸验证无法通过，页面会引导您上传身份证件进行人工审核。

温馨提示：新手机号的验证码**只在 App 页面里填写**，请勿告诉任何人，包括自称客服的人员。`,
      },
      {
        by: 'ahua_helper',
        up: ['laozhou'],
        body: `补充一点：如果旧号码只是停机没有被销号，也可以带身份证去运营商营业厅**补卡**，收到验证码后再换绑，速度最快。被注销的号码就只能走上面官方说的“原手机号不可用”流程了。`,
      },
    ],
  },
  {
    key: 'realname-mismatch',
    by: 'xiaowang',
    title: '实名认证一直提示“姓名与身份证号不一致”',
    body: `身份证号我核对了三遍没有错，名字也是对的，可就是一直提示**“姓名与身份证号不一致”**。

我名字里有个字比较少见，不知道是不是这个原因？`,
    tags: ['实名认证'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['xiaowang', 'chenjie_hz', 'mod_lin'],
        body: `常见原因有这几个，逐个排查一下：

- **生僻字**：输入法打出来的字和身份证上的字可能不是同一个编码。可以试试在认证页面选“姓名中有生僻字”，按提示上传身份证照片。
- **少数民族姓名**：中间的点要用“·”，不是英文句点。
- **全角/半角**：身份证号最后一位的 X 要用大写半角。
- **身份证刚换过**：新证信息同步需要一点时间，过几天再试。

我朋友就是生僻字的问题，上传证件后第二天就通过了。`,
      },
      {
        by: 'laozhou',
        up: ['xiaowang'],
        body: `楼上说的生僻字很可能就是原因。另外别在第三方网站“代认证”，会泄露身份证信息。`,
      },
    ],
  },
  {
    key: 'pay-password-face',
    by: 'lina_gz',
    title: '忘记支付密码，人脸识别总是失败怎么办？',
    body: `想重置支付密码，要求刷脸，试了五六次都显示**“验证未通过”**。我戴眼镜，晚上在房间里弄的。

再失败是不是会被锁？还有别的办法吗？`,
    tags: ['支付密码', '人脸识别'],
    answers: [
      {
        by: 'laozhou',
        up: ['lina_gz', 'xiaowang'],
        body: `刷脸小技巧：

1. **摘掉眼镜**，头发别挡住额头和眉毛；
2. 找**光线均匀**的地方，别背对窗户或台灯；
3. 手机放在脸的正前方，按提示眨眼、转头，动作慢一点。

我白天在窗边试了一次就过了。`,
      },
      {
        by: 'security_center',
        up: ['lina_gz', 'ahua_helper'],
        body: `您好，人脸验证多次失败后会暂时限制尝试，一般过一段时间会自动恢复，请勿反复尝试。

如果仍无法通过，可以在【找回支付密码】页面选择其他验证方式，例如**验证已绑定的银行卡信息**并配合身份证件审核。

重置过程中，请**不要**把短信验证码或新密码告诉任何人；我们的工作人员也不会向您索要。`,
      },
    ],
  },
  {
    key: 'minor-realname',
    by: 'xiaowang',
    title: '未成年人可以实名认证吗？',
    body: `孩子 15 岁，学校要求用 App 交校服费，能不能用他自己的身份证实名？`,
    tags: ['实名认证', '未成年'],
    answers: [
      {
        by: 'ahua_helper',
        up: ['xiaowang'],
        body: `可以用自己的身份证实名，但未成年账户的**支付额度和部分功能是有限制的**。交校服费这种小额付款一般没问题。如果金额较大，建议家长代付。`,
      },
    ],
  },
  {
    key: 'close-account',
    by: 'chenjie_hz',
    title: '注销账户前需要做哪些准备？余额宝和花呗都还有记录',
    body: `准备注销一个不常用的旧账户，想问一下注销前要处理哪些东西？

- 余额宝里还有几十块钱
- 花呗上个月用过，已经还清了
- 绑了两张银行卡

怕漏掉什么，注销后就找不回来了。`,
    tags: ['注销账户', '余额宝', '花呗'],
    answers: [
      {
        by: 'alipay_support',
        up: ['chenjie_hz', 'laozhou'],
        body: `您好，注销前请逐项确认：

1. **资金清零**：把余额、余额宝等资金全部转出；
2. **结清信用服务**：花呗、借呗等没有待还款项，分期也需提前结清；
3. **解除代扣**：在【设置 → 支付设置 → 免密支付/自动扣款】里关闭所有自动扣款；
4. **处理进行中的交易**：没有未完成的订单、退款或投诉；
5. **解绑**：其他应用用本账户登录的授权需要先解除。

确认完成后，在【设置 → 账号与安全 → 注销账户】提交申请。注销后**账户信息和交易记录无法恢复**，请先自行保存需要的账单。`,
      },
    ],
  },
  {
    key: 'id-count',
    by: 'tom_bj',
    title: '一个身份证可以实名几个账户？',
    body: `想给自己再开一个账户专门用来收房租，同一个身份证还能再实名一次吗？`,
    tags: ['实名认证', '多账户'],
    answers: [
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['tom_bj', 'chenjie_hz'],
        body: `同一个身份证**可以实名多个账户，但有数量上限**，达到上限后页面会直接提示。

不过收房租其实不用另开账户，可以在账单里用**标签/备注**区分，年底导出账单也方便。`,
      },
    ],
  },
  {
    key: 'passport-verify',
    by: 'mia_sh',
    title: 'How do I verify my identity with a foreign passport?',
    body: `I moved to Shanghai for work last month. The app keeps asking me to **complete identity verification (实名认证)**, but the form only seems to accept a Chinese ID card number.

Is there a way to verify with a passport? I already have a residence permit.`,
    tags: ['expat', 'passport', '实名认证'],
    up: ['tom_bj'],
    answers: [
      {
        by: 'tom_bj',
        accepted: true,
        up: ['mia_sh'],
        body: `Yes, I did this last year:

1. On the verification page, switch the **document type** from 身份证 to **passport** (护照) — it is a small link near the top.
2. Enter your name **exactly as printed in the passport** (surname first is fine, spaces matter).
3. Upload the passport photo page and take the face check.

It took about a day to be approved. Once it is done, adding a bank card opened at a local bank is much easier.`,
      },
      {
        by: 'alipay_support',
        up: ['mia_sh', 'tom_bj'],
        body: `Hello, this is the official support team. Foreign users can verify with a passport: go to **Me → Settings → Account & Security → Identity**, choose the passport option and follow the steps.

Please enter your name exactly as it appears in your passport. Our staff will **never** ask for your password or SMS verification code — if anyone does, it is a scam.`,
      },
    ],
  },
  {
    key: 'login-vs-pay-password',
    by: 'lina_gz',
    title: '登录密码和支付密码有什么区别？',
    body: `一直搞混这两个，请问它们分别在什么时候用？可以设成一样的吗？`,
    tags: ['支付密码', '登录密码'],
    answers: [
      {
        by: 'laozhou',
        up: ['lina_gz', 'xiaowang', 'mia_sh'],
        body: `- **登录密码**：在新设备上登录账户时用，字母数字组合；
- **支付密码**：付款、转账时确认用，通常是 6 位数字。

**千万别设成一样的**，也别和银行卡密码、生日一样。两个密码都只在 App 里自己输入，任何人问你要都是骗子。`,
      },
    ],
  },
  {
    key: 'receive-limit',
    by: 'laozhou',
    title: '卖闲置收款被限制，提示“涉嫌违规收款”',
    body: `这个月在二手平台卖了几样旧东西，陆续收了十几笔款，今天收款码突然不能用了，提示**“涉嫌违规收款，收款功能已被限制”**。

我只是个人卖闲置，不是做生意的。怎么证明？`,
    tags: ['收款限制', '账户冻结'],
    up: ['chenjie_hz'],
    answers: [
      {
        by: 'alipay_support',
        up: ['laozhou', 'chenjie_hz', 'ahua_helper'],
        body: `您好，短时间内多笔收款可能触发风险识别。您可以：

1. 在【安全中心 → 账户限制】查看具体限制项；
2. 点击“申请解除”，完成身份验证；
3. 补充**交易说明**：例如二手平台的订单截图、聊天记录、发货凭证。

材料真实完整时审核会更快。如果您长期有经营性收款，建议开通商家收款服务。

提醒：处理期间请勿相信任何“付费解除限制”的说法，官方解除限制**不收取任何费用**。`,
      },
      {
        by: 'ahua_helper',
        up: ['laozhou'],
        body: `截图的时候记得把**订单号、商品、金额、买家**都截进去，一笔对应一笔，我上次就是因为截图不全被要求补交了一次。`,
      },
    ],
  },
  {
    key: 'name-change',
    by: 'chenjie_hz',
    title: '改名后实名信息怎么更新？户口本和身份证都换了',
    body: `今年改了名字，新身份证也办好了，但 App 里显示的还是旧名字，转账时对方看到的也是旧名。

要怎么更新？`,
    tags: ['实名认证', '身份证'],
    answers: [
      {
        by: 'alipay_support',
        up: ['chenjie_hz'],
        body: `您好，姓名变更后请在【我的 → 设置 → 账号与安全 → 身份信息】中选择**“更新身份信息”**，按提示上传新身份证正反面并完成人脸验证。

审核通过后，实名姓名会同步更新。如果页面提示需要提供户籍变更证明，请按要求上传户口本相关页。`,
      },
    ],
  },
  {
    key: 'id-misused',
    by: 'xiaowang',
    title: '发现有人用我的身份证实名了一个账户',
    body: `今天想开新账户时提示**“该身份证已实名的账户数量达到上限”**，可我只有一个账户！

怀疑以前复印的身份证被人拿去用了。现在该怎么办？会不会被拿去做坏事？`,
    tags: ['实名认证', '身份盗用', '账户安全'],
    up: ['laozhou', 'lina_gz', 'ahua_helper'],
    answers: [
      {
        by: 'security_center',
        up: ['xiaowang', 'laozhou'],
        body: `您好，请通过 App 内【我的 → 客服】选择“身份被冒用”进行申诉，按提示完成人脸验证并上传证件，我们会核实名下的其他账户。

核实为冒用的账户会被处理，您也可以**向公安机关报案**，保留报案回执以备后续使用。

以后复印身份证时，建议在复印件上写明“**仅用于××用途**”。`,
      },
      {
        by: 'ahua_helper',
        accepted: true,
        up: ['xiaowang'],
        body: `亲身经历：按官方说的走申诉，同时我去派出所报了案，把回执一起传上去，大概一周后那个冒用账户就被注销了。

建议顺便去查一下**个人征信报告**，看看有没有被冒名办理的贷款。`,
      },
    ],
  },
  {
    key: 'business-account',
    by: 'lina_gz',
    title: '企业账户和个人账户可以互相转换吗？',
    body: `开了个小店，想把现在的个人账户改成企业账户，这样开发票方便一些。可以直接转换吗？`,
    tags: ['企业账户'],
    answers: [],
  },
];
