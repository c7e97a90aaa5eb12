// Demo member companies, all invented: established makers and startups across the cluster's fields,
// plus two awaiting verification and one the operator turned down.
import type { SeedOrganization } from './organizations';

export const companies: SeedOrganization[] = [
	{
		slug: 'pulsewise',
		kind: 'company',
		name_ko: '펄스와이즈',
		name_en: 'Pulsewise',
		summary_ko: '스마트워치 심전도로 심방세동을 선별하는 소프트웨어 의료기기(SaMD) 스타트업',
		summary_en: 'SaMD startup screening for atrial fibrillation from smartwatch ECGs.',
		description_ko:
			'펄스와이즈는 스마트워치 단일 유도 심전도에서 **심방세동**을 선별하는 AI 소프트웨어를 만듭니다. 식약처 2등급 SaMD 허가를 준비하며, 디지털헬스케어 모바일랩에서 기종별 호환성 시험을 진행했습니다.\n\n- 원주세브란스기독병원과 후향적 성능 검증 완료\n- 2026년 확증 임상시험 계획 중',
		description_en:
			'Pulsewise builds AI software that screens single-lead smartwatch ECGs for **atrial fibrillation**. It is preparing an MFDS Class II SaMD application and has run device-compatibility tests in the Digital Healthcare Mobile Lab.\n\n- retrospective performance study with Wonju Severance completed\n- pivotal trial planned for 2026',
		region: 'Gangwon (Wonju)',
		website: 'https://pulsewise.example',
		founded_year: 2021,
		status: 'verified'
	},
	{
		slug: 'lumenscan-ai',
		kind: 'company',
		name_ko: '루멘스캔AI',
		name_en: 'LumenScan AI',
		summary_ko: '흉부 X선 판독 보조 AI를 만드는 G밸리 스타트업',
		summary_en: 'G-Valley startup making chest X-ray reading-assist AI.',
		description_ko:
			'루멘스캔AI의 흉부 X선 판독 보조 소프트웨어는 폐결절과 기흉 의심 부위를 표시합니다. **식약처 2등급 허가**를 받았고 FDA 510(k) 제출을 준비 중입니다. 병원 PACS와의 연동은 DICOM 표준을 따릅니다.',
		description_en:
			"LumenScan AI's chest X-ray reading assistant highlights suspected lung nodules and pneumothorax. It holds **MFDS Class II approval** and is preparing an FDA 510(k) submission. It connects to hospital PACS over standard DICOM.",
		region: 'Seoul (Guro G-Valley)',
		website: 'https://lumenscan.example',
		founded_year: 2019,
		status: 'verified'
	},
	{
		slug: 'neurocare-dtx',
		kind: 'company',
		name_ko: '뉴로케어디티엑스',
		name_en: 'NeuroCare DTx',
		summary_ko: '불면증 인지행동치료(CBT-I) 디지털 치료기기 개발사',
		summary_en: 'Developer of a digital therapeutic delivering CBT for insomnia.',
		description_ko:
			'뉴로케어디티엑스는 불면증 인지행동치료를 6주 모바일 프로그램으로 제공하는 **디지털 치료기기**를 개발합니다. 확증 임상시험을 마치고 식약처 허가 심사 중입니다. 건강보험 등재 전략을 함께 고민할 병원을 찾습니다.',
		description_en:
			'NeuroCare DTx develops a **digital therapeutic** that delivers cognitive behavioural therapy for insomnia as a six-week mobile programme. Its pivotal trial is complete and the MFDS review is under way. It is looking for hospitals to shape a reimbursement strategy with.',
		region: 'Seoul (Gangnam)',
		website: 'https://neurocare-dtx.example',
		founded_year: 2020,
		status: 'verified'
	},
	{
		slug: 'ortho3d-works',
		kind: 'company',
		name_ko: '오소쓰리디웍스',
		name_en: 'Ortho3D Works',
		summary_ko: '환자 맞춤형 3D프린팅 티타늄 정형외과 임플란트 제조사',
		summary_en: 'Maker of patient-specific 3D-printed titanium orthopaedic implants.',
		description_ko:
			'오소쓰리디웍스는 CT 영상으로 환자 맞춤형 **골반·관절 임플란트**를 설계하고 금속 3D프린터로 제작합니다. 대구 스마트웰니스 공동제조센터의 생산 라인을 이용해 식약처 3등급 허가용 시제품을 만들고 있습니다.',
		description_en:
			"Ortho3D Works designs patient-specific **pelvic and joint implants** from CT scans and prints them in titanium. It uses the Daegu Smart Wellness Shared Manufacturing Center's line to build units for an MFDS Class III application.",
		region: 'Daegu',
		website: 'https://ortho3d.example',
		founded_year: 2018,
		status: 'verified'
	},
	{
		slug: 'rehabotics',
		kind: 'company',
		name_ko: '리햅보틱스',
		name_en: 'Rehabotics',
		summary_ko: '뇌졸중 환자의 상지 재활로봇 제조사',
		summary_en: 'Upper-limb rehabilitation robots for stroke patients.',
		description_ko:
			'리햅보틱스는 뇌졸중 환자의 팔·손목 재활을 돕는 **탁상형 상지 재활로봇**을 만듭니다. 식약처 2등급 허가를 받아 국내 재활병원 30여 곳에 공급했고, 가정용 모델을 개발 중입니다.',
		description_en:
			'Rehabotics makes a **tabletop upper-limb rehabilitation robot** for arm and wrist therapy after stroke. It holds MFDS Class II approval, is installed in about 30 Korean rehabilitation hospitals, and is developing a home model.',
		region: 'Gangwon (Wonju)',
		website: 'https://rehabotics.example',
		founded_year: 2017,
		status: 'verified'
	},
	{
		slug: 'dxlab-bio',
		kind: 'company',
		name_ko: '디엑스랩바이오',
		name_en: 'DxLab Bio',
		summary_ko: '현장진단(POCT) 면역진단 카트리지와 분석기 개발사',
		summary_en: 'Point-of-care immunoassay cartridges and readers.',
		description_ko:
			'디엑스랩바이오는 손끝 채혈 한 방울로 15분 안에 **심근표지자**를 측정하는 현장진단 시스템을 만듭니다. 체외진단기기 2등급 허가와 **CE-IVDR** 인증을 받았습니다.',
		description_en:
			'DxLab Bio makes a point-of-care system that measures **cardiac markers** from a fingertip drop of blood in 15 minutes. It holds MFDS Class II IVD approval and **CE marking under the IVDR**.',
		region: 'Chungbuk (Osong)',
		website: 'https://dxlab-bio.example',
		founded_year: 2016,
		status: 'verified'
	},
	{
		slug: 'vitalpatch',
		kind: 'company',
		name_ko: '바이탈패치',
		name_en: 'VitalPatch',
		summary_ko: '심박·호흡·체온을 연속 측정하는 IoMT 웨어러블 패치',
		summary_en: 'IoMT wearable patch for continuous heart rate, breathing and temperature.',
		description_ko:
			'바이탈패치는 가슴에 붙이는 일회용 패치로 **심박, 호흡수, 체온**을 최대 7일간 측정해 병동 모니터링 시스템에 전송합니다. IoMT 오픈랩에서 병원 무선망 연동 시험을 마쳤습니다.',
		description_en:
			"VitalPatch's disposable chest patch measures **heart rate, respiratory rate and temperature** for up to seven days and streams them to ward monitoring systems. It has completed hospital Wi-Fi integration tests in the IoMT Open Lab.",
		region: 'Gyeonggi (Pangyo)',
		website: 'https://vitalpatch.example',
		founded_year: 2020,
		status: 'verified'
	},
	{
		slug: 'sleepmate',
		kind: 'company',
		name_ko: '슬립메이트',
		name_en: 'SleepMate',
		summary_ko: '수면 습관을 코칭하는 웰니스 기기와 앱',
		summary_en: 'Wellness device and app that coach sleep habits.',
		description_ko:
			'슬립메이트는 침대 옆에 두는 비접촉 센서와 앱으로 수면 습관을 기록하고 코칭합니다. 의료기기가 아닌 **웰니스 제품**으로 출시했으며, 수면무호흡 선별 기능은 별도 의료기기로 개발 중입니다.',
		description_en:
			'SleepMate records and coaches sleep habits with a contactless bedside sensor and an app. It launched as a **wellness product**, not a medical device, and is developing sleep-apnoea screening as a separate medical device.',
		region: 'Seoul',
		website: 'https://sleepmate.example',
		founded_year: 2022,
		status: 'verified'
	},
	{
		slug: 'medisense-iot',
		kind: 'company',
		name_ko: '메디센스IoT',
		name_en: 'MediSense IoT',
		summary_ko: '병상 낙상 예방 센서와 간호 알림 시스템',
		summary_en: 'Bed sensors and nurse alerts that prevent falls on the ward.',
		description_ko:
			'메디센스IoT는 병상 매트리스 아래 압력 센서로 환자의 **이상 기상 동작**을 감지해 간호사실에 알립니다. 요양병원 실증을 마쳤고 상급종합병원 실증 파트너를 찾고 있습니다.',
		description_en:
			'MediSense IoT detects a patient **getting out of bed unsafely** with pressure sensors under the mattress and alerts the nursing station. Pilots in long-term care hospitals are complete; it is looking for a tertiary hospital partner.',
		region: 'Gangwon (Wonju)',
		website: 'https://medisense-iot.example',
		founded_year: 2019,
		status: 'verified'
	},
	{
		slug: 'dermavision',
		kind: 'company',
		name_ko: '더마비전',
		name_en: 'DermaVision',
		summary_ko: '피부 병변 사진으로 흑색종 위험을 분류하는 AI',
		summary_en: 'AI that triages melanoma risk from photos of skin lesions.',
		description_ko:
			'더마비전은 더마스코프 사진으로 피부 병변의 **악성 위험도**를 분류하는 소프트웨어를 개발합니다. 식약처 2등급 허가를 준비하며 **CE MDR** Class IIa 인증 절차를 병행합니다.',
		description_en:
			'DermaVision develops software that grades the **malignancy risk** of skin lesions from dermatoscope photos. It is preparing an MFDS Class II application alongside **CE MDR** Class IIa certification.',
		region: 'Seoul (Guro G-Valley)',
		website: 'https://dermavision.example',
		founded_year: 2021,
		status: 'verified'
	},
	{
		slug: 'gait-labs',
		kind: 'company',
		name_ko: '게이트랩스',
		name_en: 'Gait Labs',
		summary_ko: '스마트 인솔로 보행을 분석하는 재활·낙상 예방 솔루션',
		summary_en: 'Smart insoles that analyse gait for rehabilitation and fall prevention.',
		description_ko:
			'게이트랩스의 스마트 인솔은 족저압과 보행 주기를 측정해 **보행 비대칭**과 낙상 위험을 알려 줍니다. 재활의학과 외래에서 사용하는 1등급 의료기기로 신고했습니다.',
		description_en:
			"Gait Labs' smart insoles measure plantar pressure and gait cycle to flag **gait asymmetry** and fall risk. They are notified as an MFDS Class I device for rehabilitation outpatient clinics.",
		region: 'Daegu',
		website: 'https://gait-labs.example',
		founded_year: 2020,
		status: 'verified'
	},
	{
		slug: 'hanul-medical',
		kind: 'company',
		name_ko: '한울메디칼',
		name_en: 'Hanul Medical',
		summary_ko: '환자감시장치와 제세동기를 만드는 원주의 중견 제조사',
		summary_en: 'Established Wonju maker of patient monitors and defibrillators.',
		description_ko:
			'한울메디칼은 1998년부터 **환자감시장치**와 자동심장충격기를 생산해 40여 개국에 수출합니다. 신제품의 무선 연동 기능 시험을 IoMT 오픈랩에서 진행하며, 스마트공장 고도화 사업에 참여하고 있습니다.',
		description_en:
			'Hanul Medical has made **patient monitors** and automated external defibrillators since 1998 and exports to about 40 countries. It tests the wireless features of new models in the IoMT Open Lab and is upgrading its plant under the smart-factory programme.',
		region: 'Gangwon (Wonju)',
		website: 'https://hanul-medical.example',
		founded_year: 1998,
		status: 'verified'
	},
	{
		slug: 'daesung-surgical',
		kind: 'company',
		name_ko: '대성서지컬',
		name_en: 'Daesung Surgical',
		summary_ko: '정형외과 수술기구와 골절 고정용 플레이트 제조사',
		summary_en: 'Orthopaedic surgical instruments and fracture-fixation plates.',
		description_ko:
			'대성서지컬은 정형외과 **수술기구**와 골절 고정용 금속 플레이트·나사를 생산합니다. 3D프린팅 맞춤형 수술 가이드로 제품군을 넓히고 있습니다.',
		description_en:
			'Daesung Surgical manufactures orthopaedic **surgical instruments** and metal plates and screws for fracture fixation. It is extending its range with 3D-printed patient-specific surgical guides.',
		region: 'Daegu',
		website: 'https://daesung-surgical.example',
		founded_year: 2005,
		status: 'verified'
	},
	{
		slug: 'clearbreath',
		kind: 'company',
		name_ko: '클리어브레스',
		name_en: 'ClearBreath',
		summary_ko: '만성폐쇄성폐질환(COPD) 재택 관리를 위한 IoMT 폐활량계',
		summary_en: 'IoMT spirometer for managing COPD at home.',
		description_ko:
			'클리어브레스는 스마트폰과 연결되는 **휴대용 폐활량계**와 의료진용 대시보드를 만듭니다. 부산대학교병원과 재택 원격관리 실증을 진행 중입니다.',
		description_en:
			'ClearBreath makes a **portable spirometer** that pairs with a smartphone, plus a dashboard for clinicians. It is running a home remote-monitoring pilot with Pusan National University Hospital.',
		region: 'Busan',
		website: 'https://clearbreath.example',
		founded_year: 2019,
		status: 'verified'
	},
	{
		slug: 'mindbridge-dtx',
		kind: 'company',
		name_ko: '마인드브릿지',
		name_en: 'MindBridge',
		summary_ko: '아동 ADHD 주의력 훈련 디지털 치료기기',
		summary_en: 'Digital therapeutic training attention in children with ADHD.',
		description_ko:
			'마인드브릿지는 게임 형식으로 아동의 **주의력**을 훈련하는 디지털 치료기기를 개발합니다. 탐색 임상시험을 마치고 확증 임상시험 기관을 모집하고 있습니다.',
		description_en:
			"MindBridge develops a game-based digital therapeutic that trains children's **attention**. Its exploratory trial is complete and it is recruiting sites for a pivotal trial.",
		region: 'Gyeonggi (Pangyo)',
		website: 'https://mindbridge.example',
		founded_year: 2021,
		status: 'verified'
	},
	{
		slug: 'retina-insight',
		kind: 'company',
		name_ko: '레티나인사이트',
		name_en: 'Retina Insight',
		summary_ko: '안저 사진으로 당뇨망막병증을 선별하는 AI',
		summary_en: 'AI screening fundus photos for diabetic retinopathy.',
		description_ko:
			'레티나인사이트는 안저 사진에서 **당뇨망막병증** 의심 소견을 선별하는 소프트웨어를 만듭니다. 식약처 2등급 허가를 받았고 보건소 검진 현장 실증을 진행 중입니다.',
		description_en:
			'Retina Insight makes software that screens fundus photographs for signs of **diabetic retinopathy**. It holds MFDS Class II approval and is piloting in public health centre screenings.',
		region: 'Daejeon',
		website: 'https://retina-insight.example',
		founded_year: 2018,
		status: 'verified'
	},
	{
		slug: 'spinecraft-3d',
		kind: 'company',
		name_ko: '스파인크래프트',
		name_en: 'SpineCraft 3D',
		summary_ko: '3D프린팅 다공성 티타늄 척추 케이지 개발사',
		summary_en: 'Developer of 3D-printed porous titanium spinal cages.',
		description_ko:
			'스파인크래프트는 뼈 유합을 돕는 **다공성 구조**의 척추 추체간 케이지를 3D프린팅으로 만듭니다. 대구 공동제조센터에서 시험 생산을 하고 있으며 식약처 3등급 허가를 준비합니다.',
		description_en:
			'SpineCraft 3D prints interbody spinal cages with a **porous structure** that encourages bone fusion. It runs trial production at the Daegu shared manufacturing center and is preparing an MFDS Class III application.',
		region: 'Daegu',
		website: 'https://spinecraft.example',
		founded_year: 2019,
		status: 'verified'
	},
	{
		slug: 'carelink-remote',
		kind: 'company',
		name_ko: '케어링크',
		name_en: 'CareLink',
		summary_ko: '고혈압·당뇨 환자 원격 모니터링 플랫폼',
		summary_en: 'Remote monitoring platform for hypertension and diabetes.',
		description_ko:
			'케어링크는 가정용 혈압계와 혈당계 측정값을 모아 의료진에게 **추세와 경고**를 보여 주는 플랫폼입니다. 1차 의료기관 200여 곳이 사용하며, 주요 측정기기와 연동됩니다.',
		description_en:
			'CareLink collects readings from home blood-pressure monitors and glucose meters and shows clinicians **trends and alerts**. About 200 primary-care clinics use it, and it integrates with the major home devices.',
		region: 'Seoul (Guro G-Valley)',
		website: 'https://carelink.example',
		founded_year: 2015,
		status: 'verified'
	},
	{
		slug: 'nanodx',
		kind: 'company',
		name_ko: '나노디엑스',
		name_en: 'NanoDx',
		summary_ko: '30분 분자진단(PCR) 카트리지 시스템',
		summary_en: 'Thirty-minute molecular diagnostics (PCR) cartridge system.',
		description_ko:
			'나노디엑스는 검체 투입부터 결과까지 30분이 걸리는 **카트리지형 PCR** 시스템을 개발합니다. 호흡기 감염 패널로 체외진단기기 3등급 허가를 받았습니다.',
		description_en:
			'NanoDx develops a **cartridge-based PCR** system that goes from sample to result in 30 minutes. Its respiratory infection panel holds MFDS Class III IVD approval.',
		region: 'Chungbuk (Osong)',
		website: 'https://nanodx.example',
		founded_year: 2017,
		status: 'verified'
	},
	{
		slug: 'medgrid-cloud',
		kind: 'company',
		name_ko: '메드그리드',
		name_en: 'MedGrid',
		summary_ko: 'HL7 FHIR 기반 병원 데이터 연동 플랫폼',
		summary_en: 'Hospital data integration platform built on HL7 FHIR.',
		description_ko:
			'메드그리드는 병원 정보시스템과 디지털헬스 서비스를 **HL7 FHIR** 표준으로 연결합니다. 의료 AI 기업이 병원에 제품을 설치할 때 필요한 연동 작업을 줄여 줍니다.',
		description_en:
			'MedGrid connects hospital information systems and digital-health services through the **HL7 FHIR** standard. It cuts the integration work medical-AI companies face when installing in a hospital.',
		region: 'Seoul (Guro G-Valley)',
		website: 'https://medgrid.example',
		founded_year: 2016,
		status: 'verified'
	},
	{
		slug: 'kinetic-rehab',
		kind: 'company',
		name_ko: '키네틱리햅',
		name_en: 'Kinetic Rehab',
		summary_ko: '하지 보행 보조 웨어러블 로봇',
		summary_en: 'Wearable robot that assists walking.',
		description_ko:
			'키네틱리햅은 척수손상과 뇌졸중 환자의 보행 훈련을 돕는 **하지 외골격 로봇**을 만듭니다. DGIST와 제어 알고리즘을 공동개발하고 경북대학교병원에서 임상시험을 진행 중입니다.',
		description_en:
			'Kinetic Rehab builds a **lower-limb exoskeleton** for gait training after spinal cord injury and stroke. It co-develops control algorithms with DGIST and is in a clinical trial at Kyungpook National University Hospital.',
		region: 'Daegu',
		website: 'https://kinetic-rehab.example',
		founded_year: 2018,
		status: 'verified'
	},
	{
		slug: 'cellscope-path',
		kind: 'company',
		name_ko: '셀스코프',
		name_en: 'CellScope',
		summary_ko: '디지털 병리 슬라이드 분석 AI',
		summary_en: 'AI for digital pathology slides.',
		description_ko:
			'셀스코프는 디지털 병리 슬라이드에서 **종양 부위와 세포 수**를 자동으로 계측하는 소프트웨어를 만듭니다. 병리과 판독 시간을 줄이는 것을 목표로 다기관 성능 평가를 준비하고 있습니다.',
		description_en:
			'CellScope makes software that measures **tumour regions and cell counts** on digital pathology slides. Aiming to cut pathologists’ reading time, it is preparing a multi-centre performance evaluation.',
		region: 'Seoul',
		website: 'https://cellscope.example',
		founded_year: 2020,
		status: 'verified'
	},
	{
		slug: 'cognify-health',
		kind: 'company',
		name_ko: '코그니파이헬스',
		name_en: 'Cognify Health',
		summary_ko: '경도인지장애 인지훈련 디지털 치료기기 스타트업',
		summary_en: 'Startup building cognitive-training therapeutics for mild cognitive impairment.',
		description_ko:
			'코그니파이헬스는 **경도인지장애** 환자를 위한 태블릿 인지훈련 프로그램을 개발합니다. 한림대학교와 사용자 연구를 진행했으며 얼라이언스 가입을 신청했습니다.',
		description_en:
			'Cognify Health develops a tablet cognitive-training programme for people with **mild cognitive impairment**. It has run user research with Hallym University and has applied to join the alliance.',
		region: 'Gangwon (Chuncheon)',
		website: 'https://cognify.example',
		founded_year: 2025,
		status: 'pending'
	},
	{
		slug: 'bioloop-sensors',
		kind: 'company',
		name_ko: '바이오루프센서스',
		name_en: 'BioLoop Sensors',
		summary_ko: '땀 성분으로 탈수와 전해질을 측정하는 바이오센서',
		summary_en: 'Biosensors that read hydration and electrolytes from sweat.',
		description_ko:
			'바이오루프센서스는 피부에 붙이는 **땀 분석 바이오센서**로 탈수와 전해질 상태를 측정합니다. 시제품 단계이며 웰니스 제품과 의료기기 중 출시 경로를 검토하고 있습니다.',
		description_en:
			'BioLoop Sensors makes a skin-worn **sweat-analysis biosensor** that measures hydration and electrolytes. It is at the prototype stage and weighing a wellness launch against a medical-device route.',
		region: 'Chungbuk (Osong)',
		website: 'https://bioloop.example',
		founded_year: 2024,
		status: 'pending'
	},
	{
		slug: 'glowmate-beauty',
		kind: 'company',
		name_ko: '글로우메이트',
		name_en: 'GlowMate',
		summary_ko: '가정용 LED 뷰티 마스크 유통사',
		summary_en: 'Retailer of home LED beauty masks.',
		description_ko: '글로우메이트는 해외에서 수입한 **가정용 LED 마스크**를 온라인으로 판매합니다.',
		description_en: 'GlowMate sells imported **home LED masks** online.',
		region: 'Seoul',
		website: 'https://glowmate.example',
		founded_year: 2023,
		status: 'rejected',
		status_reason:
			'의료기기·디지털헬스 분야의 제조나 연구개발 활동을 확인할 수 없습니다. 해당 활동을 보여 주는 자료와 함께 다시 신청해 주세요. / We could not confirm any medical-device or digital-health manufacturing or R&D. Please apply again with documents that show it.'
	}
];
