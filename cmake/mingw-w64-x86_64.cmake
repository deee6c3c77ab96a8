# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-compiling the session core for 64-bit Windows with Debian's mingw-w64.
# The -posix compilers use the winpthreads thread model, the one with std::thread and
# std::mutex (the -win32 ones lack them in GCC 12).

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(SC_MINGW_TRIPLET x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${SC_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${SC_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${SC_MINGW_TRIPLET}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${SC_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
