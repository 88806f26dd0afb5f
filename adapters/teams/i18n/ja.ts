/** Japanese messages of the Microsoft Teams adapter. `{name}` marks a parameter. */
export const teamsJa = {
  'teams.welcome.personal':
    'こんにちは。{program}のデスクです。応募資格の確認、時間の記録、相談の予約などをこのチャットで行えます。help と入力すると、使えるコマンドを確認できます。',
  'teams.welcome.channel':
    '{program}のデスクをこのチャネルに追加していただき、ありがとうございます。@{bot} に続けてコマンドを入力してください（例: @{bot} help）。',
  'teams.file.attached': 'ファイル {filename}（{size}）を添付しました。',
  'teams.choices.continued': '（続き {page}/{pages}）',
  'teams.private.sent': 'この回答はチャネルの全員向けではないため、個人チャットでお送りしました。',
  'teams.private.unreachable':
    'この回答はチャネルの全員向けではありませんが、個人チャットでお送りできませんでした。個人用アプリからこのボットとのチャットを開いて、そちらでお尋ねください。',
  'teams.file.tooLarge': 'ファイル {filename}（{size}）は Teams で送れる大きさを超えているため、添付できませんでした。',
} as const;
