#define _GNU_SOURCE
#include "csystem.h"

#include <signal.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <spawn.h>
#include <unistd.h>

int lede_spawn(char *const argv[], char *const envp[], const char *cwd,
               int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    int rc = posix_spawn_file_actions_init(&actions);
    if (rc != 0) return rc;
    rc = posix_spawnattr_init(&attr);
    if (rc != 0) { posix_spawn_file_actions_destroy(&actions); return rc; }

    if (rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
    if (rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    if (rc == 0) rc = posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
    if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    if (rc == 0 && cwd != NULL) rc = posix_spawn_file_actions_addchdir_np(&actions, cwd);

    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    if (rc == 0) rc = posix_spawnattr_setsigdefault(&attr, &all);
    if (rc == 0) rc = posix_spawnattr_setsigmask(&attr, &none);
    if (rc == 0) rc = posix_spawnattr_setpgroup(&attr, 0);
    if (rc == 0) rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    if (rc == 0) rc = posix_spawnp(pid, argv[0], &actions, &attr, argv, envp);

    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return rc;
}

int lede_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}


void *lede_sha256_new(void) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return NULL;
    if (EVP_DigestInit_ex(context, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    return context;
}

int lede_sha256_update(void *context, const void *bytes, size_t count) {
    return EVP_DigestUpdate((EVP_MD_CTX *)context, bytes, count);
}

int lede_sha256_finish(void *context, unsigned char digest[32]) {
    unsigned int length = 0;
    int ok = EVP_DigestFinal_ex((EVP_MD_CTX *)context, digest, &length);
    EVP_MD_CTX_free((EVP_MD_CTX *)context);
    return ok == 1 && length == 32;
}

void lede_sha256_free(void *context) {
    EVP_MD_CTX_free((EVP_MD_CTX *)context);
}
