/** Japanese messages of the Slack adapter (App Home, file delivery). */
export const slackJa = {
  'slack.home.welcome': 'ようこそ。「{program}」の窓口ボットです。',
  'slack.home.more': '…ほか {count} 件（すべてはチャットでご確認ください）',
  'slack.home.howTo': 'このアプリにダイレクトメッセージを送るか、/desk help のようにスラッシュコマンドをお使いください。',
  'slack.file.sentToDm': 'ファイルはこのアプリとのダイレクトメッセージにお送りしました。',
} as const;
