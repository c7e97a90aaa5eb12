// Directory facts per demo organisation: tags, flags, size, certifications and products.
import type { ProductsTable } from '../db/directory-types';
import type { Insertable } from 'kysely';

type Product = Omit<Insertable<ProductsTable>, 'org_id'>;
export type DirectoryProfile = {
	tags: string[];
	partners?: boolean;
	investment?: boolean;
	size?: '1-10' | '11-50' | '51-200' | '201-1000' | '1000+';
	certifications?: string[];
	products?: Product[];
};

const p = (name_ko: string, name_en: string, summary_en: string, facts: Partial<Product> = {}): Product => ({
	name_ko,
	name_en,
	summary_ko: '',
	summary_en,
	...facts
});
const approved = (mfds_class: number, no: string): Partial<Product> => ({
	mfds_class,
	mfds_status: 'approved',
	mfds_approval_no: no
});

export const DIRECTORY_PROFILES: Record<string, DirectoryProfile> = {
	pulsewise: {
		tags: ['samd', 'medical-ai', 'cardiology', 'clinical-trials'],
		partners: true,
		investment: true,
		size: '11-50',
		certifications: ['ISO 13485'],
		products: [
			p('펄스와이즈 AF', 'Pulsewise AF', 'Atrial-fibrillation screening from single-lead smartwatch ECG', {
				mfds_class: 2,
				mfds_status: 'in_review',
				fda_pathway: '510k',
				clinical_stage: 'pivotal'
			}),
			p('펄스와이즈 리포트', 'Pulsewise Report', 'Cardiologist report portal for long-term ECG', {
				...approved(2, '제허 25-101호')
			})
		]
	},
	'lumenscan-ai': {
		tags: ['imaging', 'medical-ai', 'samd', 'radiology'],
		investment: true,
		size: '11-50',
		certifications: ['ISO 13485'],
		products: [
			p('루멘스캔 CXR', 'LumenScan CXR', 'Chest X-ray reading assist for nodules and pneumothorax', {
				...approved(3, '제허 24-588호'),
				fda_pathway: '510k',
				fda_status: 'cleared',
				ce_class: 'IIa',
				clinical_stage: 'post_market'
			})
		]
	},
	'neurocare-dtx': {
		tags: ['digital-therapeutics', 'samd', 'psychiatry', 'clinical-trials'],
		investment: true,
		size: '11-50',
		products: [
			p('슬립큐어', 'SleepCure', 'CBT-I digital therapeutic for chronic insomnia', {
				...approved(2, '제허 23-907호'),
				clinical_stage: 'completed'
			})
		]
	},
	'ortho3d-works': {
		tags: ['3d-printed-implants', 'orthopaedics', 'contract-manufacturing', 'qms-iso13485'],
		partners: true,
		size: '51-200',
		certifications: ['ISO 13485', 'KGMP'],
		products: [
			p(
				'맞춤형 티타늄 골반 임플란트',
				'Patient-specific titanium pelvic implant',
				'Additively manufactured Ti6Al4V implant for tumour resection',
				{ ...approved(3, '제허 22-311호'), ce_class: 'IIb' }
			),
			p('다공성 고관절 컵', 'Porous acetabular cup', 'Lattice-structured cup for bone ingrowth', {
				mfds_class: 3,
				mfds_status: 'in_review',
				clinical_stage: 'pilot'
			})
		]
	},
	rehabotics: {
		tags: ['rehabilitation', 'rehabilitation-medicine', 'neurology', 'research-collaboration'],
		partners: true,
		investment: true,
		size: '11-50',
		products: [
			p('암스텝 R1', 'ArmStep R1', 'End-effector upper-limb rehabilitation robot', {
				...approved(2, '제허 24-120호'),
				ce_class: 'IIa'
			})
		]
	},
	'dxlab-bio': {
		tags: ['ivd', 'laboratory-medicine', 'testing-certification'],
		size: '51-200',
		certifications: ['ISO 13485', 'KGMP'],
		products: [
			p('디엑스 카트리지 CRP', 'Dx Cartridge CRP', 'Point-of-care CRP immunoassay', {
				...approved(2, '체외 23-044호'),
				ce_class: 'IIa'
			}),
			p('디엑스 리더', 'Dx Reader', 'Fluorescence reader for Dx cartridges', { ...approved(1, '체외 23-045호') }),
			p('디엑스 카트리지 HbA1c', 'Dx Cartridge HbA1c', 'Point-of-care HbA1c for diabetes clinics', {
				mfds_class: 2,
				mfds_status: 'in_review'
			})
		]
	},
	vitalpatch: {
		tags: ['iomt', 'patient-monitoring', 'cardiology', 'cybersecurity'],
		partners: true,
		investment: true,
		size: '11-50',
		products: [
			p('바이탈패치', 'VitalPatch', 'Wearable patch for heart rate, respiration and temperature', {
				...approved(2, '제허 25-014호'),
				fda_pathway: '510k',
				fda_status: 'in_review'
			})
		]
	},
	sleepmate: {
		tags: ['wellness', 'iomt'],
		size: '1-10',
		products: [p('슬립메이트 밴드', 'SleepMate Band', 'Sleep coaching wristband (wellness, not a medical device)')]
	},
	'medisense-iot': {
		tags: ['iomt', 'patient-monitoring', 'emergency-medicine'],
		partners: true,
		size: '11-50',
		products: [
			p('낙상 방지 매트리스 센서', 'Fall-prevention bed sensor', 'Under-mattress sensor with nurse-call alerts', {
				...approved(1, '제신 24-77호')
			})
		]
	},
	dermavision: {
		tags: ['medical-ai', 'samd', 'imaging', 'dermatology'],
		investment: true,
		size: '1-10',
		products: [
			p('더마비전', 'DermaVision', 'Melanoma risk triage from dermoscopy photos', {
				mfds_class: 2,
				mfds_status: 'in_review',
				ce_class: 'IIa',
				clinical_stage: 'pilot'
			})
		]
	},
	'gait-labs': {
		tags: ['rehabilitation', 'iomt', 'rehabilitation-medicine', 'orthopaedics'],
		partners: true,
		size: '1-10',
		products: [
			p('스마트 인솔 G2', 'Smart insole G2', 'Pressure-sensing insoles for gait analysis', {
				...approved(1, '제신 25-201호')
			})
		]
	},
	'hanul-medical': {
		tags: ['patient-monitoring', 'cardiology', 'emergency-medicine', 'contract-manufacturing'],
		size: '201-1000',
		certifications: ['ISO 13485', 'KGMP', 'MDSAP'],
		products: [
			p('환자감시장치 HM-7', 'Patient monitor HM-7', 'Multi-parameter bedside monitor', {
				...approved(2, '제허 19-233호'),
				ce_class: 'IIb',
				fda_pathway: '510k',
				fda_status: 'cleared',
				clinical_stage: 'post_market'
			}),
			p('자동심장충격기 HD-3', 'AED HD-3', 'Automated external defibrillator for public places', {
				...approved(4, '제허 20-102호'),
				ce_class: 'III',
				clinical_stage: 'post_market'
			}),
			p('이동형 모니터 HM-mini', 'Transport monitor HM-mini', 'Compact monitor for ambulances', {
				...approved(2, '제허 21-410호'),
				ce_class: 'IIb'
			})
		]
	},
	'daesung-surgical': {
		tags: ['surgical-devices', 'orthopaedics', 'contract-manufacturing'],
		size: '51-200',
		certifications: ['ISO 13485', 'KGMP'],
		products: [
			p('잠금형 골절 고정판', 'Locking fracture plate', 'Titanium locking plates for distal radius', {
				...approved(2, '제허 18-330호'),
				ce_class: 'IIb'
			}),
			p('척추 수술기구 세트', 'Spinal instrument set', 'Reusable instruments for pedicle-screw surgery', {
				...approved(1, '제신 17-51호')
			})
		]
	},
	clearbreath: {
		tags: ['iomt', 'pulmonology', 'patient-monitoring'],
		partners: true,
		investment: true,
		size: '11-50',
		products: [
			p('클리어브레스 홈', 'ClearBreath Home', 'Connected spirometer for COPD follow-up', {
				mfds_class: 2,
				mfds_status: 'in_review',
				clinical_stage: 'pivotal'
			})
		]
	},
	'mindbridge-dtx': {
		tags: ['digital-therapeutics', 'psychiatry', 'samd'],
		investment: true,
		size: '11-50',
		products: [
			p('포커스업', 'FocusUp', 'Game-based attention training for children with ADHD', {
				mfds_class: 2,
				mfds_status: 'in_review',
				clinical_stage: 'pivotal'
			})
		]
	},
	'retina-insight': {
		tags: ['medical-ai', 'imaging', 'ophthalmology', 'endocrinology'],
		partners: true,
		size: '11-50',
		products: [
			p('레티나 인사이트 DR', 'Retina Insight DR', 'Diabetic retinopathy screening from fundus photos', {
				...approved(3, '제허 24-712호'),
				ce_class: 'IIa',
				clinical_stage: 'post_market'
			})
		]
	},
	'spinecraft-3d': {
		tags: ['3d-printed-implants', 'orthopaedics', 'surgical-devices'],
		investment: true,
		size: '11-50',
		certifications: ['ISO 13485'],
		products: [
			p('다공성 척추 케이지', 'Porous spinal cage', '3D-printed titanium interbody cage', {
				...approved(3, '제허 25-066호'),
				fda_pathway: '510k',
				fda_status: 'in_review'
			})
		]
	},
	'carelink-remote': {
		tags: ['health-data', 'patient-monitoring', 'endocrinology', 'cardiology'],
		partners: true,
		size: '11-50',
		products: [
			p('케어링크', 'CareLink', 'Remote monitoring of blood pressure and glucose', { ...approved(2, '제허 23-520호') })
		]
	},
	nanodx: {
		tags: ['ivd', 'laboratory-medicine'],
		investment: true,
		size: '11-50',
		products: [
			p('나노디엑스 PCR 30', 'NanoDx PCR 30', 'Thirty-minute respiratory panel PCR', {
				mfds_class: 3,
				mfds_status: 'in_review',
				ce_class: 'IIb',
				clinical_stage: 'pivotal'
			})
		]
	},
	'medgrid-cloud': {
		tags: ['health-data', 'cybersecurity', 'data-analytics'],
		partners: true,
		size: '11-50',
		certifications: ['ISO 27001'],
		products: [p('메드그리드 FHIR 허브', 'MedGrid FHIR Hub', 'Integration engine for hospital records over HL7 FHIR')]
	},
	'kinetic-rehab': {
		tags: ['rehabilitation', 'rehabilitation-medicine', 'neurology'],
		investment: true,
		size: '11-50',
		products: [
			p('키네틱 워크', 'Kinetic Walk', 'Hip-assist wearable robot', {
				mfds_class: 2,
				mfds_status: 'in_review',
				clinical_stage: 'pilot'
			})
		]
	},
	'cellscope-path': {
		tags: ['medical-ai', 'imaging', 'pathology', 'oncology'],
		partners: true,
		size: '11-50',
		products: [
			p('셀스코프 패스', 'CellScope Path', 'AI for breast-cancer pathology slides', {
				mfds_class: 3,
				mfds_status: 'in_review',
				clinical_stage: 'pivotal'
			})
		]
	},
	'cognify-health': { tags: ['digital-therapeutics', 'neurology'] },
	'bioloop-sensors': { tags: ['iomt', 'wellness'] },
	'glowmate-beauty': { tags: ['wellness'] },
	'wonju-mtv': {
		tags: ['iomt', 'samd', 'testing-certification', 'usability-testing', 'acceleration', 'regulatory-affairs'],
		partners: true
	},
	ktl: { tags: ['testing-certification', 'cybersecurity', 'usability-testing'] },
	hira: { tags: ['reimbursement', 'health-data'] },
	mfds: { tags: ['regulatory-affairs'] },
	mss: { tags: ['investment', 'acceleration'] },
	kisti: { tags: ['data-analytics', 'health-data', 'research-collaboration'] },
	etri: { tags: ['medical-ai', 'iomt', 'research-collaboration'] },
	'korea-smart-healthcare-association': { tags: ['iomt', 'samd', 'acceleration'] },
	'daegu-smart-wellness': {
		tags: ['3d-printed-implants', 'contract-manufacturing', 'clinical-trials', 'qms-iso13485'],
		partners: true
	},
	'medcluster-alliance': { tags: ['acceleration', 'regulatory-affairs'] },
	'wonju-severance': {
		tags: ['clinical-trials', 'cardiology', 'emergency-medicine', 'rehabilitation-medicine', 'research-collaboration'],
		partners: true,
		size: '1000+'
	},
	'samsung-medical-center': {
		tags: ['clinical-trials', 'oncology', 'radiology', 'cardiology', 'health-data'],
		partners: true,
		size: '1000+'
	},
	knuh: { tags: ['clinical-trials', 'orthopaedics', 'neurology'], partners: true, size: '1000+' },
	cbnuh: { tags: ['clinical-trials', 'endocrinology', 'pulmonology'], size: '1000+' },
	pnuh: { tags: ['clinical-trials', 'oncology', 'emergency-medicine'], size: '1000+' },
	'korea-univ-guro-hospital': {
		tags: ['clinical-trials', 'cardiology', 'health-data', 'medical-ai'],
		partners: true,
		size: '1000+'
	},
	'gangneung-asan': { tags: ['clinical-trials', 'emergency-medicine'], size: '1000+' },
	'yonsei-mirae': { tags: ['research-collaboration', 'iomt', 'rehabilitation'] },
	knu: { tags: ['research-collaboration', '3d-printed-implants', 'medical-ai'] },
	'hallym-univ': { tags: ['research-collaboration', 'health-data'] },
	'sangji-univ': { tags: ['research-collaboration', 'wellness'] },
	dgist: { tags: ['research-collaboration', 'medical-ai', 'rehabilitation'] },
	'hanbit-medical-ventures': { tags: ['investment', 'samd', 'digital-therapeutics', 'medical-ai'] },
	'bluepeak-health-capital': { tags: ['investment', 'ivd', 'surgical-devices'] },
	'k-medtech-accelerator': { tags: ['investment', 'acceleration', 'iomt'] },
	'seoul-bio-angels': { tags: ['investment', 'wellness', 'digital-therapeutics'] },
	'meridian-health-partners': { tags: ['investment', 'imaging', 'patient-monitoring'] },
	'harbourline-capital': { tags: ['investment', '3d-printed-implants', 'rehabilitation'] }
};
