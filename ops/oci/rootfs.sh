#!/usr/bin/env bash
# Builds the root file system under imgedge's OCI image (the `oci` Maven profile runs it), with no
# registry and no Docker daemon: a Java runtime made by jlink from the JDK that builds, the shared
# libraries that runtime (and the WebP encoder bundled in imgedge's jars) links against, the native
# codecs imgedge binds through FFM (libjpeg-turbo, libavif, libjxl, and libwebp with libwebpdemux for
# decoding WebP: loaded by name at run time, so ldd cannot see them; install libturbojpeg0 libavif15
# libjxl0.7 libwebp7 libwebpdemux2 before building the image) with what they link against, the
# ffmpeg program (with libx264) that writes format=mp4, as /usr/bin/ffmpeg with its libraries
# (install ffmpeg before building the image; without it the image's nodes answer format=mp4 with the
# animation's own format), all copied from this machine, a world-writable /tmp and an unprivileged
# user. Jib then puts imgedge's jars on top of it.
#
# Usage: ops/oci/rootfs.sh OUTPUT_DIR FAT_JAR   (JAVA_HOME: a JDK 25)
set -euo pipefail
out="$1"
jar="$2"
jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 25}"

rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/etc" "$out/app" "$out/proc" "$out/dev"
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.zipfs,jdk.net \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$out/opt/java"

# Native libraries inside imgedge's jars (the WebP codec) link against the system too.
natives="$(mktemp -d)"
trap 'rm -rf "$natives"' EXIT
(cd "$natives" && unzip -q -o "$jar" 'native/Linux/x86_64/*.so' 'lib/linux-x86_64/*.so' 2>/dev/null || true)

libs() { # the shared libraries a binary needs, as absolute paths
  ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
}
ffm_codecs() { # the FFM-bound codec libraries that are installed, as absolute paths
  local soname path
  for soname in libturbojpeg.so.0 libavif.so.15 libjxl.so.0.7 libwebp.so.7 libwebpdemux.so.2; do
    path="$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64/ {print $NF; exit}')"
    if [ -n "$path" ]; then echo "$path"; else echo "rootfs: $soname is not installed; the image will fall back without it" >&2; fi
  done
}
codecs="$(ffm_codecs)"
ffmpeg="$(command -v ffmpeg || true)" # the program that writes format=mp4 (edge/pom.xml puts /usr/bin on PATH)
if [ -z "$ffmpeg" ]; then echo "rootfs: ffmpeg is not installed; the image will answer format=mp4 without MP4" >&2; fi
{
  find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \)
  find "$natives" -type f -name '*.so'
  echo "$codecs"
  echo "$ffmpeg"
} | while read -r binary; do [ -n "$binary" ] && libs "$binary"; done | grep -v -e "^$out/" -e "^$natives/" | sort -u | while read -r lib; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
for lib in $codecs; do # the codecs themselves, under their sonames
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done

if [ -n "$ffmpeg" ]; then
  mkdir -p "$out/usr/bin"
  cp -L "$ffmpeg" "$out/usr/bin/ffmpeg"
fi

echo 'root:x:0:0:root:/root:/sbin/nologin' > "$out/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' >> "$out/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$out/etc/group"
echo "rootfs: $(du -sh "$out" | cut -f1) in $out"
