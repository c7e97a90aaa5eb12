// Names of the notification areas (Settings → Notifications, the notification centre's filter).
import * as m from '$lib/paraglide/messages';

const areas: Record<string, () => string> = {
	testbed: m.notify_settings_area_testbed,
	courses: m.notify_settings_area_courses,
	ir: m.notify_settings_area_ir,
	needs: m.notify_settings_area_needs,
	meetings: m.notify_settings_area_meetings,
	account: m.notify_settings_area_account
};

export const AREAS = Object.keys(areas);
export const areaLabel = (area: string) => areas[area]?.() ?? area;
