# SPDX-License-Identifier: GPL-3.0-or-later
#
# sc_order_symbol_lookup(<target>): start-up time of a program that links Samba.
#
# Linking libdcerpc loads ~100 shared libraries, and Debian builds nearly all of them with
# BIND_NOW, so the dynamic loader resolves ~25,000 symbols before main() runs. Every
# lookup walks the global scope (the program, its DT_NEEDED entries, then their
# dependencies breadth-first) until a library defines the symbol. With the default order
# the defining library sits on average 36 places down that list, and the walk is about a
# third of the loader's time (perf: do_lookup_x). Naming the libraries that most lookups
# end in as the program's first DT_NEEDED entries brings the average to ~15 and saves
# ~2-3 ms per start on this 2-core machine (sessionctl --version: ~22 -> ~19 ms CPU).
#
# The list was taken from LD_DEBUG=bindings on Debian 12 (Samba 4.17, Qt 6.4), ordered by
# how many bindings end in each library. It only changes the order, never the set: each
# library is loaded anyway as a dependency of Samba or Qt. A library that is not
# installed is skipped, so another Samba only loses some of the gain. None of these
# libraries defines a symbol that another library in the scope also defines in a way the
# new order would change (checked by comparing LD_DEBUG=bindings before and after).
#
# Samba's private libraries (lib*-samba4.so.0, in .../samba/) are left out although many
# lookups end in them. They have no stable ABI between Samba releases, and Debian's shlibs
# file says so with an exact version: a private library among the program's own DT_NEEDED
# entries made dpkg-shlibdeps pin the package to "samba-libs (= <this build's version>)",
# so every Samba security update made it uninstallable. Loaded as dependencies of the public
# libraries, they are found through those libraries' own RUNPATH. The program gets no
# RUNPATH of its own; the build-tree one was, for sessionctl, a run of empty entries (from
# the system link directory) that the loader reads as the current directory.
#
# Skipped for sanitizer builds: the sanitizer runtime must stay the first library loaded.

set(SC_SYMBOL_LOOKUP_FIRST
    c ndr-standard stdc++ ndr gnutls samba-util icuuc nettle talloc unistring ldb tevent
    dcerpc-binding ndr-nbt hogweed systemd)

function(sc_order_symbol_lookup target)
    if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux" OR SC_SANITIZERS)
        return()
    endif()
    set(dirs ${CMAKE_C_IMPLICIT_LINK_DIRECTORIES})
    set(paths)
    foreach(name IN LISTS SC_SYMBOL_LOOKUP_FIRST)
        set(found)
        foreach(dir IN LISTS dirs)
            # The SONAME link (libfoo.so.3), the shortest of libfoo.so.<version...>.
            file(GLOB candidates "${dir}/lib${name}.so.[0-9]*")
            foreach(candidate IN LISTS candidates)
                string(LENGTH "${candidate}" length)
                if(NOT found OR length LESS found_length)
                    set(found "${candidate}")
                    set(found_length ${length})
                endif()
            endforeach()
            if(found)
                break()
            endif()
        endforeach()
        if(found)
            list(APPEND paths "${found}")
        endif()
    endforeach()
    if(NOT paths)
        return()
    endif()
    # Direct items of the target come first on the link line, so these become the first
    # DT_NEEDED entries; --no-as-needed keeps those the program does not call itself.
    target_link_libraries(${target} PRIVATE
        "-Wl,--push-state,--no-as-needed" ${paths} "-Wl,--pop-state")
    set_target_properties(${target} PROPERTIES
        BUILD_WITH_INSTALL_RPATH ON
        INSTALL_RPATH "")
endfunction()
