// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into sc-loadgen in the sanitizer build only (see CMakeLists.txt).
//
// When the server ends the load generator's sessions (a disconnect test, or smbd stopped
// under it), Samba's client library loses a log file name at exit (debug_set_logfile, see
// lsan.supp). That suppression can only match if the allocation's stack reaches past
// libtalloc, which has no frame pointers, so the load generator records stacks with the slow
// unwinder. It opens few connections and allocates little, so the cost does not matter there;
// every other program keeps the fast unwinder.

extern "C" const char *__lsan_default_options()
{
    return "fast_unwind_on_malloc=0";
}
