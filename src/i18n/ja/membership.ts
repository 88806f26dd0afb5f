/** Japanese messages of membership (who acts for which company) and `whoami`. */
export const membershipJa = {
  'membership.cmd.members': '自社の申請者と、参加の申請（承認待ち）を表示します',
  'membership.cmd.approve': '会社への参加の申請を承認します',
  'membership.cmd.decline': '会社への参加の申請をお断りします',
  'membership.cmd.whoami': 'あなたのID、名前、権限、会社を表示します',
  'membership.usage': '使い方: {command} <申請番号>（番号は members で確認できます）',

  'membership.request.text':
    '参加の申請 {id}: {person}（ID: {key}）が「{company}」の申請者として参加を求めています（入力された会社名: {typed}、申請したい国: {countries}）。この方が貴社の方であることを確認できた場合のみ承認してください。承認すると、この方は貴社の申請・予約・支援時間を見て操作できるようになります。',
  'membership.request.noCountries': 'なし',
  'membership.button.approve': '承認する（{id}）',
  'membership.button.decline': 'お断りする（{id}）',
  'membership.notFound': '参加の申請 {id} は見つかりませんでした（ご自身の会社への申請のみ扱えます）。',
  'membership.approved':
    '参加の申請 {id} を承認しました。{person}さんは「{company}」の申請者になりました。{registered}ご本人にお知らせしました。',
  'membership.approved.registered': '{countries}向けの申請も登録しました。',
  'membership.declined': '参加の申請 {id} をお断りしました（{person}さん、「{company}」）。ご本人にお知らせしました。',
  'membership.alreadyApproved': '参加の申請 {id}（{person}さん）は、すでに{by}さんが承認しています。',
  'membership.alreadyDeclined': '参加の申請 {id}（{person}さん）は、すでに{by}さんがお断りしています。',
  'membership.notify.approved':
    '「{company}」への参加の申請が承認されました（承認: {approver}）。今後はこの会社の申請・予約・支援時間を確認できます。',
  'membership.notify.registered': '• {country}向けの申請を登録しました（申請番号 {id}）。',
  'membership.notify.existing': '• {country}: 貴社の申請が登録済みです（申請番号 {id}、{date}登録、状況: {status}）。',
  'membership.notify.nothingRegistered': '現在、新たに登録できる申請はありませんでした。',
  'membership.notify.next': '「申請状況」で進み具合を確認できます。',
  'membership.notify.declined':
    '「{company}」への参加の申請（番号 {id}）はお断りされました。お心当たりがない場合や、ご不明な点は、{division}（{email}、{phone}）にお問い合わせください。',
  'membership.members.line': '{company} の申請者: {people}',
  'membership.members.noneWaiting': '承認待ちの参加の申請はありません。',
  'membership.status.waiting':
    '「{company}」への参加の申請（番号 {id}）は承認を待っています。承認されると、この会社の申請状況が見えるようになります。',

  'membership.whoami.title': 'あなたの情報',
  'membership.whoami.key': 'ID（事務局が権限を付与するときに使います）',
  'membership.whoami.name': '名前',
  'membership.whoami.roles': '権限',
  'membership.whoami.companies': '会社',
  'membership.whoami.waiting': '承認待ちの参加の申請',
  'membership.whoami.waitingItem': '{id}（{company}）',
  'membership.whoami.none': 'なし',
  'membership.whoami.conversation': 'この会話（STAFF_CHANNELS 用）',
  'membership.whoami.staffChannel': '{key}（事務局のチャネル: 事務局向けの回答もここで全員に表示されます）',
} as const;
