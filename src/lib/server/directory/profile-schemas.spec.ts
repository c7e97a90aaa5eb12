import { describe, expect, it } from 'vitest';
import { productSchema, profileSchema, splitCertifications } from './profile-schemas';

const profile = (overrides: Record<string, unknown> = {}) => ({
	nameKo: '펄스와이즈',
	nameEn: 'Pulsewise',
	...overrides
});

describe('splitCertifications', () => {
	it('splits on commas, trims, and drops blanks and duplicates', () => {
		expect(splitCertifications(' ISO 13485 , GMP,,  ISO   13485, KGMP ')).toEqual(['ISO 13485', 'GMP', 'KGMP']);
		expect(splitCertifications('')).toEqual([]);
	});
});

describe('profileSchema', () => {
	it('turns the form into typed values', () => {
		const result = profileSchema.parse(
			profile({
				certifications: 'ISO 13485, GMP',
				terms: '3f1c0d9e-2b4a-4c1e-9a57-0d8e1b2c3d4e',
				lookingForPartners: 'on',
				foundedYear: '2019',
				employeeRange: '11-50'
			})
		);
		expect(result).toMatchObject({
			certifications: ['ISO 13485', 'GMP'],
			terms: ['3f1c0d9e-2b4a-4c1e-9a57-0d8e1b2c3d4e'],
			lookingForPartners: true,
			raisingInvestment: false,
			foundedYear: 2019,
			employeeRange: '11-50',
			website: null
		});
	});

	it('accepts only https websites', () => {
		expect(profileSchema.safeParse(profile({ website: 'https://pulsewise.example' })).success).toBe(true);
		expect(profileSchema.safeParse(profile({ website: 'http://pulsewise.example' })).success).toBe(false);
		expect(profileSchema.safeParse(profile({ website: 'javascript:alert(1)' })).success).toBe(false);
	});

	it('limits certifications to 15 of at most 60 characters', () => {
		const many = Array.from({ length: 16 }, (_, i) => `Cert ${i}`).join(',');
		expect(profileSchema.safeParse(profile({ certifications: many })).error?.issues[0].path).toEqual([
			'certifications'
		]);
		expect(profileSchema.safeParse(profile({ certifications: 'x'.repeat(61) })).success).toBe(false);
	});
});

describe('productSchema', () => {
	const product = { nameKo: '심전도 패치', nameEn: 'ECG patch' };

	it('needs the class and the approval number once MFDS approved', () => {
		const error = productSchema.safeParse({ ...product, mfdsStatus: 'approved' }).error;
		expect(error?.issues.map((i) => i.path[0]).sort()).toEqual(['mfdsApprovalNo', 'mfdsClass']);
		expect(
			productSchema.parse({ ...product, mfdsStatus: 'approved', mfdsClass: '2', mfdsApprovalNo: '제허 24-123호' })
		).toMatchObject({ mfdsClass: 2, mfdsApprovalNo: '제허 24-123호' });
	});

	it('defaults every regulatory fact to none', () => {
		expect(productSchema.parse(product)).toMatchObject({
			mfdsStatus: 'none',
			mfdsClass: null,
			fdaPathway: 'none',
			fdaStatus: 'none',
			ceClass: 'none',
			clinicalStage: 'none'
		});
		expect(productSchema.safeParse({ ...product, mfdsClass: '5' }).success).toBe(false);
	});
});
