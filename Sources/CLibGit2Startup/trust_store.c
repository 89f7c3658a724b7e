/*
 * libgit2, as Debian builds it, uses mbedtls for HTTPS, and its global init parses the whole
 * system trust store (/etc/ssl/certs/ca-certificates.crt: some 150 certificates, base64 and
 * X.509) before any repository can be opened. That costs about 4 ms of CPU in every run of
 * evident, which never opens a network connection through libgit2.
 *
 * This definition takes the place of mbedtls's own for the whole process: the executable's
 * symbols come first when the dynamic linker binds libgit2's call. It parses nothing and
 * reports success, so libgit2 keeps an empty list of trusted certificates. Were a future
 * version of evident to fetch over HTTPS through libgit2, every certificate would fail to
 * verify: the failure is closed, never open. A libgit2 built on OpenSSL never calls it.
 */

#include <stdatomic.h>
#include "CLibGit2Startup.h"

static atomic_int requests;

struct mbedtls_x509_crt;

int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path);

int mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain;
    (void)path;
    atomic_fetch_add(&requests, 1);
    return 0;
}

int evident_trust_store_requests(void) {
    return atomic_load(&requests);
}
