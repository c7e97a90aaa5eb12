// The list of migrations, in order. A new migration is a new file here and a new line below.
import type { Migration } from 'kysely';
import * as foundation from './20261123T0100_foundation';
import * as testbed from './20261123T0300_testbed';
import * as directory from './20261123T0400_directory';
import * as courses from './20261123T0600_courses';
import * as testbedReports from './20261123T0650_testbed_reports';
import * as needs from './20261123T0700_needs';
import * as coursesEmployerApproval from './20261123T0800_courses_employer_approval';
import * as meetings from './20261123T0900_meetings';
import * as uploads from './20261123T0950_uploads';
import * as ir from './20261123T1000_ir';
import * as irLive from './20261123T1010_ir_live';
import * as jobs from './20261123T1100_jobs';
import * as roomLeases from './20261204T0600_room_leases';
import * as irRecordings from './20261204T0610_ir_recordings';
import * as secondFactor from './20261205T0100_second_factor';
import * as privacy from './20261205T0200_privacy';
import * as programmes from './20261205T0300_programmes';
import * as vouchers from './20261205T0400_vouchers';
import * as edges from './20261205T0500_edges';
import * as regions from './20261205T0700_regions';
import * as authHardening from './20261206T0100_auth_hardening';
import * as cohortEdit from './20261206T0200_cohort_edit';
import * as resourcePhotos from './20261206T0300_resource_photos';
import * as consulting from './20261206T0400_consulting';
import * as irPolls from './20261206T0700_ir_polls';
import * as testServices from './20261207T0100_test_services';
import * as availabilityAlerts from './20261207T0200_availability_alerts';
import * as courseAuthoring from './20261207T0300_course_authoring';
import * as deckRoom from './20261207T0400_deck_room';
import * as matchmaking from './20261207T0500_matchmaking';
import * as testRequestCancel from './20261208T0100_test_request_cancel';
import * as deckRenderBackfill from './20261208T0300_deck_render_backfill';

export const migrations: Record<string, Migration> = {
	'20261123T0100_foundation': foundation,
	'20261123T0300_testbed': testbed,
	'20261123T0400_directory': directory,
	'20261123T0600_courses': courses,
	'20261123T0650_testbed_reports': testbedReports,
	'20261123T0700_needs': needs,
	'20261123T0800_courses_employer_approval': coursesEmployerApproval,
	'20261123T0900_meetings': meetings,
	'20261123T0950_uploads': uploads,
	'20261123T1000_ir': ir,
	'20261123T1010_ir_live': irLive,
	'20261123T1100_jobs': jobs,
	'20261204T0600_room_leases': roomLeases,
	'20261204T0610_ir_recordings': irRecordings,
	'20261205T0100_second_factor': secondFactor,
	'20261205T0200_privacy': privacy,
	'20261205T0300_programmes': programmes,
	'20261205T0400_vouchers': vouchers,
	'20261205T0500_edges': edges,
	'20261205T0700_regions': regions,
	'20261206T0100_auth_hardening': authHardening,
	'20261206T0200_cohort_edit': cohortEdit,
	'20261206T0300_resource_photos': resourcePhotos,
	'20261206T0400_consulting': consulting,
	'20261206T0700_ir_polls': irPolls,
	'20261207T0100_test_services': testServices,
	'20261207T0200_availability_alerts': availabilityAlerts,
	'20261207T0300_course_authoring': courseAuthoring,
	'20261207T0400_deck_room': deckRoom,
	'20261207T0500_matchmaking': matchmaking,
	'20261208T0100_test_request_cancel': testRequestCancel,
	'20261208T0300_deck_render_backfill': deckRenderBackfill
};
