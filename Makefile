# `make install` puts lede under PREFIX (default /usr/local): the binary and its data in PREFIX/lib/lede,
# and PREFIX/bin/lede, a link to it that finds its data through the link. `make release` writes the
# tarball of scripts/release.sh to dist/.
#
#   make install                       # sudo if PREFIX is not yours
#   make install PREFIX=$HOME/.local   # then put $HOME/.local/bin on your PATH
#   make uninstall PREFIX=...
PREFIX ?= /usr/local

.PHONY: install uninstall release

release:
	bash scripts/release.sh dist

install: release
	rm -rf "$(PREFIX)/lib/lede"
	mkdir -p "$(PREFIX)/lib/lede" "$(PREFIX)/bin"
	tar -xzf dist/lede-*-linux-$$(uname -m).tar.gz --strip-components=2 -C "$(PREFIX)/lib/lede" --wildcards '*/bin/*'
	ln -sf ../lib/lede/lede "$(PREFIX)/bin/lede"
	@echo "installed $(PREFIX)/bin/lede"

uninstall:
	rm -rf "$(PREFIX)/lib/lede" "$(PREFIX)/bin/lede"
