/** 応募資格の確認と申請の登録（eligibility）のメッセージ。 */
export const eligibilityJa = {
  'eligibility.cmd.eligibility': '応募資格を確認し、申請を登録する',
  'eligibility.cmd.status': '申請の状況を見る',
  'eligibility.welcome':
    'こんにちは。ジェトロ「{title}」の窓口です。まず、応募条件を満たしているかを確認します。いくつかの質問にお答えください。',
  'eligibility.welcome.closed':
    'こんにちは。ジェトロ「{title}」の窓口です。{closed}応募条件を満たしているかどうかの確認はできますので、よろしければ次の質問にお答えください。',
  'eligibility.closed.checkOnly': '{closed}応募条件を満たしているかどうかの確認はできます。',
  'eligibility.flow.title': '応募資格の確認',
  'eligibility.home.invite': '本事業に応募できるかどうかは、「応募資格」と入力すると確認できます。',

  'eligibility.q.entity': '貴社は次のどれに当たりますか。',
  'eligibility.entity.japan_corporation': '日本国内の法人（海外に現地法人・工場・駐在員事務所あり）',
  'eligibility.entity.local_corporation': '海外の現地法人',
  'eligibility.entity.representative_office': '日本企業の海外駐在員事務所',
  'eligibility.entity.other': 'いずれにも当たらない',

  'eligibility.q.countries.japan_corporation': '現地法人・工場・駐在員事務所はどの国にありますか（複数選択可）。',
  'eligibility.q.countries.local_corporation': '現地法人はどの国にありますか（複数選択可）。',
  'eligibility.q.countries.representative_office': '駐在員事務所はどの国にありますか（複数選択可）。',
  'eligibility.q.countries.other': '拠点はどの国にありますか（複数選択可）。',
  'eligibility.q.countries.hint':
    '対象国は{countries}です（{excluded}は対象外です）。国を選んでから「決定」を押してください。「タイとベトナム」のように入力することもできます。',
  'eligibility.q.countries.selected': '選択中: {countries}',
  'eligibility.q.countries.noneYet': 'まだ選ばれていません。',
  'eligibility.q.countries.done': '決定',
  'eligibility.countries.noneSelected': '国を1つ以上選んでから「決定」を押してください。',
  'eligibility.countries.excluded': '{region}は本事業の対象外です（{note}）。',
  'eligibility.countries.unknown': '「{names}」は対象国として読み取れませんでした。{choices}から選んでください。',
  'eligibility.countries.partial':
    '「{names}」は対象国として読み取れませんでした（対象国は{choices}です）。読み取れた国を選んであります。よければ「決定」を押し、違う場合は国を選び直してください。',
  'eligibility.countries.chooseAmong': '{choices}から選んでください。',

  'eligibility.q.investment': '現地法人は日本企業から出資を受けていますか。',
  'eligibility.q.intent': '営業秘密管理体制の整備に積極的に取り組む意思がありますか。',
  'eligibility.q.consent': '事業終了後、ジェトロのウェブサイト等での本事業の広報（事例紹介など）に協力することに同意いただけますか。',
  'eligibility.q.priorUse':
    '{since}以降、{country}で本事業を合計{hours}時間以上利用したことがありますか。時間数を入力することもできます（例: 19.5）。',
  'eligibility.priorUse.yes': '{hours}時間以上利用した',
  'eligibility.priorUse.no': '{hours}時間未満・利用なし',
  'eligibility.priorUse.noted': '{hours}として記録しました。',
  'eligibility.amount.hours': '{hours}時間',
  'eligibility.amount.minutes': '{minutes}分',
  'eligibility.amount.hoursMinutes': '{hours}時間{minutes}分',

  'eligibility.summary.title': 'ご回答の内容',
  'eligibility.summary.question': 'この内容で結果を表示しますか。変更する場合は、その項目を選んでください。',
  'eligibility.summary.confirm': 'この内容で結果を見る',
  'eligibility.summary.change': '「{item}」を変更',
  'eligibility.summary.label.entity': '法人の種別',
  'eligibility.summary.label.countries': '国',
  'eligibility.summary.label.investment': '日本企業からの出資',
  'eligibility.summary.label.intent': '管理体制整備の意思',
  'eligibility.summary.label.consent': '広報への協力の同意',
  'eligibility.summary.label.priorUse': '{country}での利用実績',
  'eligibility.summary.priorUseHours': '{answer}（{hours}）',
  'eligibility.summary.label.excluded': '対象外の地域',

  'eligibility.result.intro': '確認結果をお知らせします。',
  'eligibility.result.title.eligible': '{country}: 応募できます',
  'eligibility.result.title.eligible_from': '{country}: 応募できます（受付開始日にご注意ください）',
  'eligibility.result.title.meetsConditions': '{country}: 応募条件を満たしています',
  'eligibility.result.title.not_eligible': '{country}: 応募条件を満たしていません',
  'eligibility.result.label.reason': '理由',
  'eligibility.result.label.cap': '支援時間の上限',
  'eligibility.result.label.period': '支援期間',
  'eligibility.result.label.contacts': 'ジェトロ担当',
  'eligibility.result.why.eligible': '応募条件をすべて満たしています。',
  'eligibility.result.why.priorUseDate':
    '応募条件を満たしていますが、{since}以降に同じ国で{hours}時間以上の利用があるため、受付は{date}からです。',
  'eligibility.result.capValue': '{hours}（1社・1カ国あたり）',
  'eligibility.result.periodValue': '採択後から{date}まで',
  'eligibility.result.nextSteps':
    'お申し込み: 所定の申請書にご記入・ご捺印のうえ、PDFファイルを{email}宛てにメールでお送りください。お申し込み順に審査し、順次採択します。{original}採択後、保有情報リスト（様式1）と情報管理体制セルフチェックシート/専門家コメントシート（様式2）をご提出いただきます。',
  'eligibility.result.again': 'もう一度確認するときは「応募資格」と入力してください。',

  'eligibility.reason.entity_not_covered':
    '本事業の対象は、対象国に拠点を持つ日本国内の法人、日本企業の出資を受けた現地法人、日本企業の駐在員事務所です。',
  'eligibility.reason.no_japanese_investment': '現地法人の場合、日本企業の出資を受けていることが条件です。',
  'eligibility.reason.no_intent': '営業秘密管理体制の整備に積極的に取り組む意思があることが条件です。',
  'eligibility.reason.no_consent': '事業終了後の広報（事例紹介など）への協力に同意いただくことが条件です。',
  'eligibility.reason.country_not_covered': 'この国は本事業の対象外です。',
  'eligibility.reason.missing_answer': 'まだ回答いただいていない質問があります。',

  'eligibility.availability.not_open': '本事業の申請受付は{date}からです。受付開始後にお申し込みください。',
  'eligibility.availability.ended': '本事業の支援期間は{date}で終了しました。現在は申請を受け付けていません。',
  'eligibility.availability.full': '本事業は予定採択件数（{target}件程度）に達したため、申請の受付を締め切りました。',

  'eligibility.contact.title': 'お問い合わせ・お申込み先',
  'eligibility.contact.division': '担当部署',
  'eligibility.contact.email': 'メール',
  'eligibility.contact.phone': '電話',
  'eligibility.contact.address': '住所',

  'eligibility.apply.offer':
    '{countries}について、このチャットから申請を登録できます。登録するとジェトロの担当者に通知され、「申請状況」で進み具合を確認できます（所定の申請書のPDFでのご提出も必要です）。登録しますか。',
  'eligibility.apply.yes': '申請を登録する',
  'eligibility.apply.later': '今はしない',
  'eligibility.apply.declined': '承知しました。申請するときは、もう一度「応募資格」と入力してください。',
  'eligibility.apply.nothing': '現在、登録できる申請はありません。',
  'eligibility.apply.registered': '{company}の{country}向けの申請を登録しました（申請番号 {id}）。',
  'eligibility.apply.duplicate':
    '{company}の{country}向けの申請はすでに登録されています（申請番号 {id}、{date}登録、状況: {status}）。同じ国への申請は1社につき1件です。',
  'eligibility.apply.afterwards':
    '所定の申請書にご記入・ご捺印のうえ、PDFファイルを{email}宛てにメールでお送りください。{original}ジェトロから受領のご連絡をしたのち、お電話等で検討状況を伺い、審査します。進み具合は「申請状況」で確認できます。',
  'eligibility.q.company': '申請する会社の名称を入力してください（例: 株式会社サンプル）。',
  'eligibility.q.company.known': 'すでに登録済みの会社は、ボタンから選ぶこともできます。',
  'eligibility.company.tooLong': '会社名が長すぎます（{max}文字まで）。',
  'eligibility.company.invalid': '会社名として読み取れませんでした。会社の正式名称を入力してください。',
  'eligibility.apply.alreadyRegistered':
    '「{company}」はすでに登録されています。会社の情報を守るため、登録の内容はお知らせできません。この会社の申請者になるには、その会社の登録済みの申請者かジェトロの承認が必要です。参加の申請（番号 {request}）を送りました。結果はこのチャットでお知らせします。ご不明な点はジェトロにお問い合わせください。',
  'eligibility.apply.alreadyRequested':
    '「{company}」はすでに登録されています。参加の申請（番号 {request}）は送信済みで、承認を待っています。結果はこのチャットでお知らせします。ご不明な点はジェトロにお問い合わせください。',
  'eligibility.staff.possibleDuplicate':
    '新しく登録された会社 #{id} {company} は、登録済みの {others} と同じ会社かもしれません（法人格を除くと同じ名前です）。別の会社として登録されており、互いの情報は見えません。同じ会社であれば申請者に確認してください。',
  'eligibility.staff.newApplication': '新しい申請が登録されました: {company}（{country}、申請番号 {id}、登録者 {applicant}）。',

  'eligibility.help.entity':
    '日本国内の法人: 対象国に現地法人・工場・駐在員事務所を持つ日本企業です。海外の現地法人: 対象国にある、日本企業の出資を受けた法人です。駐在員事務所: 日本企業の対象国における駐在員事務所です。',
  'eligibility.help.countries':
    '対象国は{countries}です。{excluded}は対象外です。ボタンで国を選び（もう一度押すと選択を外せます）、「決定」を押してください。「タイとベトナム」「Thailand, Vietnam」のように入力することもできます。',
  'eligibility.help.investment': '現地法人の場合は、日本企業から出資を受けていることが応募条件です。',
  'eligibility.help.intent': '営業秘密管理体制の整備に積極的に取り組む意思があることが応募条件です。',
  'eligibility.help.consent': '{publicity}この広報への協力に同意いただくことが応募条件です。',
  'eligibility.help.priorUse':
    '{since}以降に同じ国で本事業を{hours}時間以上利用した企業も応募できますが、受付は{date}からです。時間数がわかる場合は入力してください（例: 19.5、20時間）。',
  'eligibility.help.summary': '内容がよければ「この内容で結果を見る」を、直したい項目があればその項目のボタンを押してください。',
  'eligibility.help.apply':
    '登録すると、ジェトロの担当者に通知され、「申請状況」で進み具合を確認できます。正式なお申し込みには、所定の申請書のPDFを{email}宛てにメールでお送りいただく必要があります。',
  'eligibility.help.company': '申請する会社の正式名称を入力してください。同じ会社・同じ国への申請は1件のみ登録できます。',

  'eligibility.status.intro': '申請の状況です。',
  'eligibility.status.notYours':
    'あなたが申請者として登録されている会社に「{company}」はありません。自社の会社名を入力するか、会社名なしで「申請状況」と入力してください。',
  'eligibility.status.none':
    'このアカウントで登録された申請はまだありません。「応募資格」と入力すると、応募条件の確認と申請の登録ができます。',
  'eligibility.status.title': '{company}（{country}）申請番号 {id}',
  'eligibility.status.applied': '申請登録済み（受領確認待ち）',
  'eligibility.status.received': '受領済み',
  'eligibility.status.screening': '審査中',
  'eligibility.status.adopted': '採択',
  'eligibility.status.rejected': '不採択',
  'eligibility.status.withdrawn': '取り下げ',
  'eligibility.status.closed': '支援終了',
  'eligibility.status.label.status': '状況',
  'eligibility.status.label.applied': '申請日',
  'eligibility.status.label.received': '受領日',
  'eligibility.status.label.screening': '審査開始日',
  'eligibility.status.label.adopted': '採択日',
  'eligibility.status.label.decided': '採否決定日',
  'eligibility.status.label.closed': '終了日',
  'eligibility.status.label.period': '支援期間',
  'eligibility.status.label.forms': '様式1・2',
  'eligibility.status.form1': '保有情報リスト（様式1）',
  'eligibility.status.form2': '情報管理体制セルフチェックシート/専門家コメントシート（様式2）',
  'eligibility.status.formsMissing': '未提出: {forms}',
  'eligibility.status.formsDone': '提出済み',
} as const;
