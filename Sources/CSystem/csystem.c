#define _GNU_SOURCE
#include "csystem.h"

#include <elf.h>
#include <link.h>
#include <string.h>

#include <signal.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <errno.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// A plugin worker is started by fork and exec rather than posix_spawn, because the child must ask the
// kernel, before it runs anything, to kill it when Lede dies (PR_SET_PDEATHSIG): a `kill -9` of lede
// left its workers running. That signal follows the *thread* that forked, not the process, so every
// fork is made by one spawner thread that lives as long as the process (a reader thread that restarts a
// crashed worker and then ends would otherwise take the new worker with it).
//
// Between fork and exec the child calls only async-signal-safe functions: it may have been forked from
// a process with many threads, any of which may have held a lock.

struct spawn_request {
    char *const *argv;
    char *const *envp;
    const char *cwd;
    int fds[3];
    pid_t pid;
    int result;
    int done;
};

static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t spawn_cond = PTHREAD_COND_INITIALIZER;
static struct spawn_request *spawn_pending;
static pthread_once_t spawner_once = PTHREAD_ONCE_INIT;
static int spawner_error;

static void child_fail(int report, int error) {
    ssize_t ignored = write(report, &error, sizeof error);
    (void)ignored;
    _exit(127);
}

static int fork_and_exec(struct spawn_request *r) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (pid == 0) {
        // A process group of its own, so that a timeout kills the plugin's own children too.
        setpgid(0, 0);
        // Killed when Lede dies, however it dies; and if it already has, not started at all.
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) child_fail(report[1], errno);
        if (getppid() != parent) _exit(127);
        // Signal dispositions back to their defaults (Lede ignores SIGPIPE), nothing blocked.
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = SIG_DFL;
        for (int s = 1; s < NSIG; s++) sigaction(s, &action, NULL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        // The three pipes, moved above 2 first so that none of them is overwritten by another's dup2.
        int high[3];
        for (int i = 0; i < 3; i++) {
            high[i] = fcntl(r->fds[i], F_DUPFD_CLOEXEC, 10);
            if (high[i] < 0) child_fail(report[1], errno);
        }
        for (int i = 0; i < 3; i++) {
            if (dup2(high[i], i) < 0) child_fail(report[1], errno);
        }
        // Nothing else reaches the plugin: every other descriptor closes on exec.
        if (syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
            long most = sysconf(_SC_OPEN_MAX);
            if (most < 0 || most > 65536) most = 65536;
            for (int fd = 3; fd < most; fd++) fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
        if (r->cwd != NULL && chdir(r->cwd) != 0) child_fail(report[1], errno);
        if (strchr(r->argv[0], '/') != NULL) {
            execve(r->argv[0], r->argv, r->envp);
        } else {
            execvpe(r->argv[0], r->argv, r->envp);
        }
        child_fail(report[1], errno);
    }
    // Also from this side, so the group exists before anyone signals it.
    setpgid(pid, pid);
    close(report[1]);
    int error = 0;
    ssize_t n;
    do { n = read(report[0], &error, sizeof error); } while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == (ssize_t)sizeof error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return error != 0 ? error : ECHILD;
    }
    r->pid = pid;
    return 0;
}

static void *spawner_main(void *unused) {
    (void)unused;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    pthread_mutex_lock(&spawn_lock);
    for (;;) {
        while (spawn_pending == NULL) pthread_cond_wait(&spawn_cond, &spawn_lock);
        struct spawn_request *r = spawn_pending;
        spawn_pending = NULL;
        pthread_mutex_unlock(&spawn_lock);
        r->result = fork_and_exec(r);
        pthread_mutex_lock(&spawn_lock);
        r->done = 1;
        pthread_cond_broadcast(&spawn_cond);
    }
    return NULL;
}

static void start_spawner(void) {
    pthread_t thread;
    pthread_attr_t attr;
    spawner_error = pthread_attr_init(&attr);
    if (spawner_error != 0) return;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    spawner_error = pthread_create(&thread, &attr, spawner_main, NULL);
    pthread_attr_destroy(&attr);
}

int lede_spawn(char *const argv[], char *const envp[], const char *cwd,
               int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid) {
    pthread_once(&spawner_once, start_spawner);
    if (spawner_error != 0) return spawner_error;
    struct spawn_request request = {
        .argv = argv, .envp = envp, .cwd = cwd, .fds = { stdin_fd, stdout_fd, stderr_fd }, .pid = 0, .result = 0, .done = 0,
    };
    pthread_mutex_lock(&spawn_lock);
    while (spawn_pending != NULL) pthread_cond_wait(&spawn_cond, &spawn_lock);
    spawn_pending = &request;
    pthread_cond_broadcast(&spawn_cond);
    while (!request.done) pthread_cond_wait(&spawn_cond, &spawn_lock);
    pthread_mutex_unlock(&spawn_lock);
    if (request.result == 0) *pid = request.pid;
    return request.result;
}

// `lede run ... >&-` starts with descriptor 1 closed. The Swift runtime and libdispatch open descriptors
// of their own before Lede's code runs (an epoll or event descriptor took number 1 here), so a closed
// standard descriptor is reopened on /dev/null at load time, before main: standard output read-only, so
// that writing to it fails (EBADF) and Lede reports it instead of writing into a descriptor it did not mean.
__attribute__((constructor)) static void lede_guard_standard_descriptors(void) {
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int opened = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
            if (opened >= 0 && opened != fd) {
                dup2(opened, fd);
                close(opened);
            }
        }
    }
}

int lede_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}

int lede_start_writeback(int fd, off_t offset, off_t length) {
#ifdef __linux__
    return sync_file_range(fd, offset, length, SYNC_FILE_RANGE_WRITE) == 0 ? 0 : errno;
#else
    (void)fd; (void)offset; (void)length;
    return 0;
#endif
}


#if OPENSSL_VERSION_NUMBER >= 0x30000000L
// OpenSSL 3 looks `EVP_sha256()` up among its providers on every EVP_DigestInit_ex (an "implicit fetch",
// a third of the time it takes to hash a 1 KB article); fetched once, the algorithm is reused.
static EVP_MD *sha256_fetched;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;
static void sha256_fetch(void) { sha256_fetched = EVP_MD_fetch(NULL, "SHA2-256", NULL); }
static const EVP_MD *sha256_md(void) {
    pthread_once(&sha256_once, sha256_fetch);
    return sha256_fetched != NULL ? sha256_fetched : EVP_sha256();
}
#else
static const EVP_MD *sha256_md(void) { return EVP_sha256(); }
#endif

void *lede_sha256_new(void) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return NULL;
    if (EVP_DigestInit_ex(context, sha256_md(), NULL) != 1) {
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

struct build_id_search {
    unsigned char *out;
    size_t capacity;
    size_t length;
};

// dl_iterate_phdr reports the main executable first; its PT_NOTE segments hold the build id note.
static int find_build_id(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct build_id_search *search = data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE) continue;
        const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
        const unsigned char *end = p + ph->p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *note = (const ElfW(Nhdr) *)p;
            const unsigned char *name = p + sizeof(ElfW(Nhdr));
            const unsigned char *desc = name + ((note->n_namesz + 3) & ~3u);
            const unsigned char *next = desc + ((note->n_descsz + 3) & ~3u);
            if (next > end) break;
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                size_t n = note->n_descsz < search->capacity ? note->n_descsz : search->capacity;
                memcpy(search->out, desc, n);
                search->length = n;
                return 1;
            }
            p = next;
        }
    }
    return 1; // only the first object, the executable
}

size_t lede_build_id(unsigned char *out, size_t capacity) {
    struct build_id_search search = { out, capacity, 0 };
    dl_iterate_phdr(find_build_id, &search);
    return search.length;
}
