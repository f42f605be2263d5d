import type { Messages } from './en.ts';

/** Korean. Country and programme names come from the data, not from here. */
export const ko: Messages = {
  'site.name': 'Irregular Atlas (비정규 체류 아틀라스)',
  'site.skip': '본문으로 건너뛰기',
  'nav.label': '주 메뉴',
  'nav.home': '홈',
  'nav.countries': '국가',
  'nav.stories': '스토리',
  'nav.regularizations': '합법화 조치',
  'nav.ruleChanges': '제도 변경',
  'nav.maps': '지도',
  'nav.explore': '데이터 탐색',
  'nav.data': '데이터',
  'nav.sources': '출처',
  'nav.methodology': '방법론',
  'lang.label': '언어',
  'footer.licence': '코드는 MIT 라이선스로 공개합니다. 수치는 각 차트 아래와 <sources>출처</sources>에 밝힌 공표 기관의 것이며, 각 기관의 이용 조건을 따릅니다.',
  'footer.release': '데이터 배포판 {id}.',
  'footer.releaseOf': '데이터 배포판 {id} ({date}).',
  'footer.unreleased': '미배포',
  'footer.download': '데이터 내려받기',
  'home.description': '일본, 한국, 스페인, 이탈리아에서 합법적 체류 자격 없이 사는 사람은 몇 명인지, 각국 정부는 언제 합법화 조치를 했고 언제 출입국 제도를 바꾸었는지.',
  'home.heading': '제도가 비정규 이주민을 만들고, 합법화가 뒤따른다.',
  'home.lede': '일본, 한국, 스페인, 이탈리아에서 체류 자격 없이 사는 사람의 수, 각국 정부가 합법화 조치를 시행한 시기, 출입국 제도가 바뀐 시기를 하나의 시간축에 놓았습니다. 모든 수치는 출처와 연결되어 있습니다.',
};
