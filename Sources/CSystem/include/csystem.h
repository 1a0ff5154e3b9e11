#ifndef LEDE_CSYSTEM_H
#define LEDE_CSYSTEM_H

#include <sys/types.h>

// Linux calls that Swift's Glibc module does not expose, because glibc declares them only under
// _GNU_SOURCE: posix_spawn with closefrom and chdir, and pipe2. And SHA-256 from the system's OpenSSL
// (libcrypto, Debian's libssl-dev), which costs nothing to build, where swift-crypto compiles BoringSSL
// in every build (about two minutes each on two cores, four times in CI).

#include <stddef.h>

/// Starts `argv[0]` (searched on the PATH when it has no slash) in `cwd`, with exactly the environment
/// `envp`, standard input, output and error on the given descriptors, every other descriptor closed, all
/// signals at their default disposition and unblocked, and in a new process group whose id is the child's
/// pid, so that the whole group can be signalled. Returns 0 and sets `*pid`, or an errno value.
// Starts argv[0] (a path, or a name looked up on envp's PATH) in a process group of its own, killed by
// the kernel when Lede dies (PR_SET_PDEATHSIG), with stdin, stdout and stderr on the given descriptors,
// every other descriptor closed, signal dispositions and mask reset, in `cwd`. 0, or an errno.
int lede_spawn(char *const argv[], char *const envp[], const char *cwd,
               int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid);

/// pipe2(fds, O_CLOEXEC): both ends closed on exec, so no other child inherits them.
int lede_pipe(int fds[2]);

/// Asks the kernel to start writing `length` bytes of `fd` from `offset` to disk now, without waiting
/// (sync_file_range with SYNC_FILE_RANGE_WRITE), so that the file's final fsync has little left to do.
/// Returns 0, or an errno value (a file system without it says EINVAL; nothing is lost then).
int lede_start_writeback(int fd, off_t offset, off_t length);

/// A SHA-256 computation (OpenSSL's EVP_MD_CTX), or NULL if OpenSSL cannot make one.
void *lede_sha256_new(void);
/// Adds bytes. Returns 1 on success.
int lede_sha256_update(void *context, const void *bytes, size_t count);
/// Writes the 32-byte digest and frees the context. Returns 1 on success.
int lede_sha256_finish(void *context, unsigned char digest[32]);
/// Frees a context that was not finished.
void lede_sha256_free(void *context);

/// Copies the GNU build id of the running executable (the linker's `.note.gnu.build-id`, a hash of its
/// code) into `out`, up to `capacity` bytes. Returns its length, or 0 when the executable has none.
size_t lede_build_id(unsigned char *out, size_t capacity);

#endif
