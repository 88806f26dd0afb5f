/** Japanese messages of the Microsoft Teams adapter. `{name}` marks a parameter. */
export const teamsJa = {
  'teams.welcome.personal':
    'こんにちは。{program}のデスクです。応募資格の確認、時間の記録、相談の予約などをこのチャットで行えます。help と入力すると、使えるコマンドを確認できます。',
  'teams.welcome.channel':
    '{program}のデスクをこのチャネルに追加していただき、ありがとうございます。@{bot} に続けてコマンドを入力してください（例: @{bot} help）。',
  'teams.choices.continued': '（続き {page}/{pages}）',
  'teams.private.sent': 'この回答はチャネルの全員向けではないため、個人チャットでお送りしました。',
  'teams.private.unreachable':
    'この回答はチャネルの全員向けではありませんが、個人チャットでお送りできませんでした。個人用アプリからこのボットとのチャットを開いて、そちらでお尋ねください。',
  'teams.file.offered':
    'ファイル {filename}（{size}）をお送りします。下のカードで「許可」を押すと、OneDrive に保存されます（{days}日間有効）。',
  'teams.file.personalOnly':
    'ファイル {filename}（{size}）は、ボットとの個人チャットでお送りします。個人チャットでもう一度お申し付けください。',
  'teams.file.unavailable': 'ファイル {filename} はもうお送りできません。もう一度お申し付けください。',
  'teams.file.sent': '✔ ファイル {filename} を OneDrive に保存しました。',
  'teams.file.declined': 'ファイル {filename} は送りませんでした（拒否されました）。必要になったら、もう一度お申し付けください。',
  'teams.file.notAvailable': 'このファイルはお送りできません。ファイルをもう一度お申し付けください。',
  'teams.file.expired': 'ファイル {filename} の有効期限が切れました。もう一度お申し付けください。',
  'teams.file.alreadySent':
    'ファイル {filename} は送信済みです。OneDrive の「Microsoft Teams チャット ファイル」フォルダーをご確認ください。',
  'teams.file.inProgress': 'ファイル {filename} は送信中です。しばらくお待ちください。',
  'teams.file.unreadable': 'このファイルの送信依頼を読み取れませんでした。ファイルをもう一度お申し付けください。',
  'teams.file.uploadRefused':
    'ファイルを送れませんでした。Teams が示した保存先が、このボットの許可する保存先ではありません。何も送信していません。',
  'teams.file.uploadFailed': 'ファイル {filename} を OneDrive に保存できませんでした。もう一度「許可」を押すか、後でお試しください。',
} as const;
