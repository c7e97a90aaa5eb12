// Simulcast layer choice for one viewer: the bitrate each layer of a published track carries
// (measured as it arrives), the viewer leg's bandwidth estimate (from its RTCP receiver reports'
// loss, REMB when the browser sends one, and the b=AS limit of its answer), and the rule that picks
// the highest layer the estimate can carry.

/** Where a viewer's estimate starts (the publisher's start bitrate) and the most it grows to, bit/s. */
export const START_ESTIMATE = 1_500_000;
const MAX_ESTIMATE = 10_000_000;
const MIN_ESTIMATE = 30_000;
/** Loss above this share lowers the estimate, below LOW_LOSS raises it (the loss-based half of GCC). */
const HIGH_LOSS = 0.1;
const LOW_LOSS = 0.02;
const GROWTH = 1.08;
/** Going up needs headroom: a layer is taken only when it uses at most this share of the estimate. */
const UP_HEADROOM = 0.85;
/** A layer that sent nothing for this long is not offered (the publisher paused it). */
export const LAYER_IDLE_MS = 1_500;
const RATE_SMOOTHING = 0.5;

export class ViewerBandwidth {
	#estimate = START_ESTIMATE;
	#remb = Infinity;
	/** The viewer's own limit (b=AS or b=TIAS of its answer), bit/s. */
	limit = Infinity;

	/** One receiver report block for our stream: `fractionLost` as RTCP carries it (0–255). */
	onReceiverReport(fractionLost: number) {
		const loss = fractionLost / 256;
		if (loss > HIGH_LOSS) this.#estimate *= 1 - 0.5 * loss;
		else if (loss < LOW_LOSS) this.#estimate *= GROWTH;
		this.#estimate = Math.min(MAX_ESTIMATE, Math.max(MIN_ESTIMATE, this.#estimate));
	}

	onRemb(bitrate: number) {
		if (bitrate > 0) this.#remb = bitrate;
	}

	get value(): number {
		return Math.min(this.#estimate, this.#remb, this.limit);
	}
}

/** What each layer of one track carries, measured once per tick (layer 0 is the lowest). */
export class LayerRates {
	readonly #bytes: number[] = [];
	readonly #lastPacketAt: number[] = [];
	#rates: number[] = [];
	#tickedAt: number | undefined;

	get count() {
		return this.#lastPacketAt.length;
	}

	add(layer: number, bytes: number, now: number) {
		this.#tickedAt ??= now;
		while (this.#lastPacketAt.length <= layer) {
			this.#lastPacketAt.push(-Infinity);
			this.#bytes.push(0);
		}
		this.#bytes[layer] += bytes;
		this.#lastPacketAt[layer] = now;
	}

	/** Turns the bytes counted since the last tick into (smoothed) bit rates. */
	tick(now: number) {
		const seconds = this.#tickedAt === undefined ? 0 : (now - this.#tickedAt) / 1000;
		this.#tickedAt = now;
		if (seconds <= 0) return;
		this.#rates = this.#bytes.map((bytes, layer) => {
			const measured = (bytes * 8) / seconds;
			const previous = this.#rates[layer];
			return previous === undefined ? measured : previous * RATE_SMOOTHING + measured * (1 - RATE_SMOOTHING);
		});
		this.#bytes.fill(0);
	}

	/** Each layer's bit rate (Infinity before its first measurement: nobody is moved onto it), or undefined for a layer that is idle now. */
	snapshot(now: number): Array<number | undefined> {
		return this.#lastPacketAt.map((at, layer) =>
			now - at <= LAYER_IDLE_MS ? (this.#rates[layer] ?? Infinity) : undefined
		);
	}
}

/**
 * The layer a viewer with `estimate` bit/s should get: the highest active layer whose rate fits
 * (with headroom when it means going up from `current`), else the lowest active one; -1 when no
 * layer is active.
 */
export function chooseLayer(rates: Array<number | undefined>, estimate: number, current: number): number {
	let lowest = -1;
	let best = -1;
	for (let layer = 0; layer < rates.length; layer++) {
		const rate = rates[layer];
		if (rate === undefined) continue;
		if (lowest < 0) lowest = layer;
		const budget = layer > current ? estimate * UP_HEADROOM : estimate;
		if (rate <= budget) best = layer;
	}
	return best >= 0 ? best : lowest;
}

/** The viewer's bandwidth limit in its SDP answer for one m-line (b=TIAS in bit/s, b=AS in kbit/s). */
export function answerBandwidthLimit(sdp: string, mid: string): number {
	let current: string | undefined;
	let inSection = false;
	let limit = Infinity;
	const sectionLines: string[] = [];
	for (const line of sdp.split(/\r?\n/)) {
		if (line.startsWith('m=')) {
			if (inSection && current === mid) break;
			inSection = true;
			current = undefined;
			sectionLines.length = 0;
		} else if (inSection && line.startsWith('a=mid:')) current = line.slice(6).trim();
		if (inSection) sectionLines.push(line);
	}
	if (current !== mid) return Infinity;
	for (const line of sectionLines) {
		const tias = /^b=TIAS:(\d+)/.exec(line);
		const as = /^b=AS:(\d+)/.exec(line);
		if (tias) limit = Math.min(limit, Number(tias[1]));
		if (as) limit = Math.min(limit, Number(as[1]) * 1000);
	}
	return limit > 0 ? limit : Infinity;
}
