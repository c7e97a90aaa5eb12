// Every endpoint of /api/v1 in one OpenAPI document: each domain lists its own operations; a new
// domain adds its list here.
import { accountOperations, renderOpenApiDocument } from '../api/openapi';
import { directoryOperations } from '../directory/openapi';
import { testbedOperations } from '../testbed/openapi';
import { coursesOperations } from '../courses/openapi';
import { needsOperations } from '../needs/openapi';
import { irOperations } from '../ir/openapi';
import { recordingOperations } from '../ir/recording/api-shapes';
import { voucherOperations } from '../vouchers/openapi';
import { programmesOperations } from '../programmes/openapi';
import { availabilityAlertOperations } from '../testbed/availability-alerts-openapi';
import { testServicesOperations } from '../testservices/openapi';
import { matchmakingOperations } from '../matchmaking/openapi';

export const apiOperations = [
	...accountOperations,
	...directoryOperations,
	...testbedOperations,
	...coursesOperations,
	...needsOperations,
	...irOperations,
	...recordingOperations,
	...voucherOperations,
	...programmesOperations,
	...availabilityAlertOperations,
	...testServicesOperations,
	...matchmakingOperations
];

export const buildOpenApiDocument = (serverUrl: string) => renderOpenApiDocument(serverUrl, apiOperations);
