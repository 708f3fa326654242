/* A static musl program: lib/elf's tests check it is "not dynamic". */
int main(void) {
  return 0;
}
