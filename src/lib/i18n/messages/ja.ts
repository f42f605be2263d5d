import type { Messages } from './en.ts';

/** Japanese. Country and programme names come from the data, not from here. */
export const ja: Messages = {
  'site.name': 'Irregular Atlas（非正規滞在アトラス）',
  'site.skip': '本文へ移動',
  'nav.label': 'メイン',
  'nav.home': 'ホーム',
  'nav.countries': '国・地域',
  'nav.stories': 'ストーリー',
  'nav.regularizations': '正規化措置',
  'nav.ruleChanges': '制度変更',
  'nav.maps': '地図',
  'nav.explore': 'データを探す',
  'nav.data': 'データ',
  'nav.sources': '出典',
  'nav.methodology': '方法',
  'lang.label': '言語',
  'footer.licence': 'コードは MIT ライセンスで公開しています。数値は各グラフの下と<sources>出典</sources>に示した公表機関によるもので、それぞれの利用条件に従います。',
  'footer.release': 'データ版 {id}。',
  'footer.releaseOf': 'データ版 {id}（{date}）。',
  'footer.unreleased': '未公開',
  'footer.download': 'データをダウンロード',
  'home.description': '日本、韓国、スペイン、イタリアで在留資格を持たずに暮らす人は何人か、各国政府はいつ正規化を行い、いつ入管制度を変えたのか。',
  'home.heading': '制度が非正規移民を生み、正規化がそれに続く。',
  'home.lede': '日本、韓国、スペイン、イタリアで在留資格を持たずに暮らす人の数、各国政府が正規化措置を実施した時期、入管制度が変わった時期を、一つの時間軸に並べました。すべての数値は出典にリンクしています。',
};
