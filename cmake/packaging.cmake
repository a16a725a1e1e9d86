# cmake: the Debian package of a booth PC — `cpack -G DEB` in the build folder gives
# lantai_<version>_<arch>.deb (deploy/README.md; ctest deploy/package checks it).
# What goes in is what `cmake --install` installs (the programs, share/lantai, deploy/'s units,
# configuration and docs); here: the prefix, the control fields, the conffiles, the maintainer
# scripts. Dependencies on libraries are computed by dpkg-shlibdeps.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lantai)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${LANTAI_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VENDOR "Lantai")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen exhibition kiosk for archives (兰台)")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the long description after it.
set(CPACK_PACKAGE_DESCRIPTION "Lantai shows an archive's exhibition packs on a touch screen: deep-zoom
scans, videos with subtitles, a quiz, in Chinese and English. The package
runs the kiosk as a systemd service under the cage Wayland compositor,
with a watchdog and fallbacks (last good pack, out-of-service screen),
and includes the curators' tools: the lantai command and lantai-editor.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://lantai.example.org/")
# Libraries: dpkg-shlibdeps on the installed programs. Programs and data the kiosk runs or reads
# without linking them: cage (the session), systemd (sysusers, tmpfiles, the units,
# deb-systemd-helper), the kiosk's first font; the other fonts of its fallback order are
# recommended (core/i18n/kiosk_fonts.cpp: without them rare characters show as boxes).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# (init-system-helpers, deb-systemd-helper's package, is essential: no dependency needed.)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, systemd, libpam-systemd, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-symbola, fonts-hanazono, fonts-babelstone-han, mesa-utils")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_STRIP_FILES ON) # lintian: unstripped-binary-or-object is an error
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# conffiles: dpkg keeps a booth's edits to these on upgrade.
file(WRITE ${PROJECT_BINARY_DIR}/deploy/debian/conffiles "/etc/lantai/kiosk.toml\n/etc/pam.d/lantai-kiosk\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_BINARY_DIR}/deploy/debian/conffiles
  ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
  ${PROJECT_SOURCE_DIR}/deploy/debian/prerm
  ${PROJECT_SOURCE_DIR}/deploy/debian/postrm)
include(CPack)
