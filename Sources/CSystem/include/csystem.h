#ifndef LEDE_CSYSTEM_H
#define LEDE_CSYSTEM_H

#include <sys/types.h>

// Linux calls that Swift's Glibc module does not expose, because glibc declares them only under
// _GNU_SOURCE: posix_spawn with closefrom and chdir, and pipe2.

/// Starts `argv[0]` (searched on the PATH when it has no slash) in `cwd`, with exactly the environment
/// `envp`, standard input, output and error on the given descriptors, every other descriptor closed, all
/// signals at their default disposition and unblocked, and in a new process group whose id is the child's
/// pid, so that the whole group can be signalled. Returns 0 and sets `*pid`, or an errno value.
int lede_spawn(char *const argv[], char *const envp[], const char *cwd,
               int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid);

/// pipe2(fds, O_CLOEXEC): both ends closed on exec, so no other child inherits them.
int lede_pipe(int fds[2]);

#endif
