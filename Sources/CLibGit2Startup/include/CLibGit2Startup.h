#ifndef EVIDENT_CLIBGIT2_STARTUP_H
#define EVIDENT_CLIBGIT2_STARTUP_H

/* How many times libgit2 asked for a certificate file to be parsed and was handed none:
   tests use it to see that the override in trust_store.c is the one libgit2 calls. */
int evident_trust_store_requests(void);

#endif
