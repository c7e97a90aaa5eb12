// Demo people, all invented: one or more per organisation, each at <name>@<org-slug>.example.
// Every verified organisation has an owner here, so the directory works without the demo sign-ins.
import type { Locale, MemberRole } from '../db/types';

export type SeedPerson = {
	email: string;
	name: string;
	org: string;
	role: MemberRole;
	locale: Locale;
};

function person(local: string, name: string, org: string, role: MemberRole, locale: Locale = 'ko'): SeedPerson {
	return { email: `${local}@${org}.example`, name, org, role, locale };
}

export const PEOPLE: SeedPerson[] = [
	// Agencies
	person('seunghyun.baek', '백승현', 'medcluster-alliance', 'owner'),
	person('ara.jo', '조아라', 'medcluster-alliance', 'member'),
	person('hyunwoo.jang', '장현우', 'wonju-mtv', 'owner'),
	person('jimin.seo', '서지민', 'wonju-mtv', 'admin'),
	person('min.namgung', '남궁민', 'wonju-mtv', 'member'),
	person('dohyun.kwon', '권도현', 'ktl', 'owner'),
	person('narae.yoo', '유나래', 'ktl', 'member'),
	person('hyewon.shin', '신혜원', 'hira', 'owner'),
	person('sungho.moon', '문성호', 'mfds', 'owner'),
	person('yejin.hong', '홍예진', 'mss', 'owner'),
	person('junseo.bae', '배준서', 'kisti', 'owner'),
	person('kyungmin.noh', '노경민', 'etri', 'owner'),
	person('seungwoo.ha', '하승우', 'etri', 'member'),
	person('mikyung.yang', '양미경', 'korea-smart-healthcare-association', 'owner'),
	person('bonseok.koo', '구본석', 'daegu-smart-wellness', 'owner'),
	person('subin.tak', '탁수빈', 'daegu-smart-wellness', 'admin'),

	// Hospitals
	person('junghoon.lee', '이정훈', 'wonju-severance', 'owner'),
	person('nayeon.kim', '김나연', 'wonju-severance', 'admin'),
	person('sua.jung', '정수아', 'wonju-severance', 'member'),
	person('seojun.yoon', '윤서준', 'samsung-medical-center', 'owner'),
	person('jihyun.bae', '배지현', 'samsung-medical-center', 'member'),
	person('jaehyuk.choi', '최재혁', 'knuh', 'owner'),
	person('doeun.kim', '김도은', 'knuh', 'member'),
	person('minkyung.song', '송민경', 'cbnuh', 'owner'),
	person('young.hwangbo', '황보영', 'pnuh', 'owner'),
	person('taejun.eom', '엄태준', 'korea-univ-guro-hospital', 'owner'),
	person('eunji.sim', '심은지', 'gangneung-asan', 'owner'),

	// Universities
	person('sangwook.jeon', '전상욱', 'yonsei-mirae', 'owner'),
	person('jihwan.ryu', '류지환', 'knu', 'owner'),
	person('jisu.han', '한지수', 'hallym-univ', 'owner'),
	person('minjae.oh', '오민재', 'sangji-univ', 'owner'),
	person('eunho.cha', '차은호', 'dgist', 'owner'),

	// Investors
	person('dohoon.jung', '정도훈', 'hanbit-medical-ventures', 'owner'),
	person('sohee.kim', '김소희', 'hanbit-medical-ventures', 'member'),
	person('chaewon.lee', '이채원', 'bluepeak-health-capital', 'owner'),
	person('ethan.park', 'Ethan Park', 'bluepeak-health-capital', 'member', 'en'),
	person('sungmin.park', '박성민', 'k-medtech-accelerator', 'owner'),
	person('junyoung.ahn', '안준영', 'seoul-bio-angels', 'owner'),
	person('daniel.brooks', 'Daniel Brooks', 'meridian-health-partners', 'owner', 'en'),
	person('priya.raman', 'Priya Raman', 'meridian-health-partners', 'member', 'en'),
	person('chloe.tan', 'Chloe Tan', 'harbourline-capital', 'owner', 'en'),
	person('marcus.lim', 'Marcus Lim', 'harbourline-capital', 'member', 'en'),

	// Companies
	person('taeyun.kim', '김태윤', 'pulsewise', 'owner'),
	person('haeun.moon', '문하은', 'pulsewise', 'admin'),
	person('hyunseok.lee', '이현석', 'lumenscan-ai', 'owner'),
	person('yerin.jung', '정예린', 'lumenscan-ai', 'member'),
	person('soyeon.park', '박소연', 'neurocare-dtx', 'owner'),
	person('haram.choi', '최하람', 'neurocare-dtx', 'member'),
	person('minho.cho', '조민호', 'ortho3d-works', 'owner'),
	person('seungjae.lee', '이승재', 'ortho3d-works', 'admin'),
	person('doyoung.kang', '강도영', 'rehabotics', 'owner'),
	person('harin.yoon', '윤하린', 'rehabotics', 'member'),
	person('jihoon.lim', '임지훈', 'dxlab-bio', 'owner'),
	person('yejun.seo', '서예준', 'vitalpatch', 'owner'),
	person('eunbi.ko', '고은비', 'sleepmate', 'owner'),
	person('donghyuk.shin', '신동혁', 'medisense-iot', 'owner'),
	person('gaeun.han', '한가은', 'dermavision', 'owner'),
	person('jinho.woo', '우진호', 'gait-labs', 'owner'),
	person('youngchul.kim', '김영철', 'hanul-medical', 'owner'),
	person('sujin.lee', '이수진', 'hanul-medical', 'admin'),
	person('jaehyun.park', '박재현', 'hanul-medical', 'member'),
	person('jungmin.son', '손정민', 'daesung-surgical', 'owner'),
	person('jiwoo.byun', '변지우', 'clearbreath', 'owner'),
	person('yuna.na', '나윤아', 'mindbridge-dtx', 'owner'),
	person('minhyuk.jeon', '전민혁', 'retina-insight', 'owner'),
	person('seungmin.pyo', '표승민', 'spinecraft-3d', 'owner'),
	person('hyunjung.gil', '길현정', 'carelink-remote', 'owner'),
	person('dongsu.ma', '마동수', 'carelink-remote', 'member'),
	person('seoha.yuk', '육서하', 'nanodx', 'owner'),
	person('woohyun.jin', '진우현', 'medgrid-cloud', 'owner'),
	person('junho.seok', '석준호', 'kinetic-rehab', 'owner'),
	person('sua.bang', '방수아', 'cellscope-path', 'owner'),

	// Not verified yet: the pending demo sign-in owns cognify-health; glowmate-beauty was rejected.
	person('yunseo.chae', '채윤서', 'cognify-health', 'member'),
	person('doyun.yeom', '염도윤', 'bioloop-sensors', 'owner'),
	person('eunyoung.pi', '피은영', 'glowmate-beauty', 'owner')
];
