// The SFU benchmark's light viewers (bench/_sfu-peers.ts) receive hundreds of thousands of SRTP
// packets a second on two cores; through Node's dgram each one costs a callback, a Buffer and an
// address object. This reads a viewer's UDP socket with recvmmsg(2) instead: RTP packets are only
// counted, one in `sampleEvery` of them and every other datagram (RTCP, STUN, DTLS) goes back to
// JavaScript for werift to handle as usual. Bench-only; the portal never loads it.
#define _GNU_SOURCE
#define NAPI_VERSION 8
#include <node_api.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#define BATCH 32
#define DATAGRAM 2048
/** At most this many datagrams per call, so one busy socket cannot hold the event loop. */
#define MAX_PER_CALL 1024

static napi_value fail(napi_env env, const char *message) {
	napi_throw_type_error(env, NULL, message);
	return NULL;
}

/**
 * drain(fd, sampleEvery, state: Float64Array [counted, bytes, sinceSample]): reads what the socket
 * holds; returns [datagram, port, address] triples for JavaScript, or a negative errno.
 */
static napi_value drain(napi_env env, napi_callback_info info) {
	size_t argc = 3;
	napi_value argv[3], result;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	int32_t fd;
	uint32_t sample_every;
	napi_typedarray_type type;
	size_t length;
	void *data;
	if (argc < 3 || napi_get_value_int32(env, argv[0], &fd) != napi_ok ||
	    napi_get_value_uint32(env, argv[1], &sample_every) != napi_ok || sample_every == 0 ||
	    napi_get_typedarray_info(env, argv[2], &type, &length, &data, NULL, NULL) != napi_ok ||
	    type != napi_float64_array || length < 3)
		return fail(env, "drain(fd, sampleEvery > 0, state: Float64Array(3))");
	double *state = data;
	napi_create_array(env, &result);
	uint32_t handed = 0;

	static __thread char buffers[BATCH][DATAGRAM];
	struct mmsghdr messages[BATCH];
	struct iovec vectors[BATCH];
	struct sockaddr_storage addresses[BATCH];
	int total = 0;
	while (total < MAX_PER_CALL) {
		for (int i = 0; i < BATCH; i++) {
			vectors[i].iov_base = buffers[i];
			vectors[i].iov_len = DATAGRAM;
			memset(&messages[i].msg_hdr, 0, sizeof messages[i].msg_hdr);
			messages[i].msg_hdr.msg_iov = &vectors[i];
			messages[i].msg_hdr.msg_iovlen = 1;
			messages[i].msg_hdr.msg_name = &addresses[i];
			messages[i].msg_hdr.msg_namelen = sizeof addresses[i];
		}
		int received = recvmmsg(fd, messages, BATCH, MSG_DONTWAIT, NULL);
		if (received < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK) break;
			napi_value code;
			napi_create_int32(env, -errno, &code);
			return code;
		}
		if (received == 0) break;
		total += received;
		for (int i = 0; i < received; i++) {
			const uint8_t *bytes = (const uint8_t *)buffers[i];
			unsigned int size = messages[i].msg_len;
			// RTP (not RTCP: payload types 192–223 in the second byte) by its version bits.
			int rtp = size > 12 && bytes[0] >> 6 == 2 && (bytes[1] < 192 || bytes[1] > 223);
			if (rtp) {
				state[0] += 1;
				state[1] += size;
				state[2] += 1;
				if (state[2] < sample_every) continue;
				state[2] = 0;
			}
			char host[INET6_ADDRSTRLEN] = "";
			int port = 0;
			if (addresses[i].ss_family == AF_INET) {
				struct sockaddr_in *v4 = (struct sockaddr_in *)&addresses[i];
				inet_ntop(AF_INET, &v4->sin_addr, host, sizeof host);
				port = ntohs(v4->sin_port);
			} else if (addresses[i].ss_family == AF_INET6) {
				struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addresses[i];
				inet_ntop(AF_INET6, &v6->sin6_addr, host, sizeof host);
				port = ntohs(v6->sin6_port);
			}
			napi_value triple, buffer, port_value, host_value;
			void *copy;
			napi_create_buffer_copy(env, size, bytes, &copy, &buffer);
			napi_create_int32(env, port, &port_value);
			napi_create_string_utf8(env, host, NAPI_AUTO_LENGTH, &host_value);
			napi_create_array_with_length(env, 3, &triple);
			napi_set_element(env, triple, 0, buffer);
			napi_set_element(env, triple, 1, port_value);
			napi_set_element(env, triple, 2, host_value);
			napi_set_element(env, result, handed++, triple);
		}
		if (received < BATCH) break;
	}
	return result;
}

NAPI_MODULE_INIT() {
	napi_property_descriptor property = {"drain", NULL, drain, NULL, NULL, NULL, napi_default_jsproperty, NULL};
	napi_define_properties(env, exports, 1, &property);
	return exports;
}
