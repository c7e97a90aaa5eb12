// What the profile form reads: the saved profile and tags, and the last action's result.
export type ProfileFormData = {
	org: {
		name_ko: string;
		name_en: string;
		summary_ko: string;
		summary_en: string;
		description_ko: string;
		description_en: string;
		region: string;
		address_ko: string;
		address_en: string;
		website: string | null;
		founded_year: number | null;
		employee_range: string | null;
		certifications: string[];
		looking_for_partners: boolean;
		raising_investment: boolean;
	};
	terms: { id: string; vocabulary: 'field' | 'capability' | 'department'; name_ko: string; name_en: string }[];
	selectedTermIds: string[];
};

export type ProfileFormResult =
	| {
			formId?: string;
			saved?: boolean;
			message?: string;
			errors?: Record<string, string>;
			values?: Record<string, string>;
			lists?: Record<string, string[]>;
			preview?: { ko: string; en: string };
	  }
	| null
	| undefined;
