// The one part of lunar-javascript the calendar cross-check uses; the package ships no types.
declare module 'lunar-javascript' {
  interface Holiday {
    isWork(): boolean;
    getName(): string;
  }
  const lunar: { HolidayUtil: { getHoliday(date: string): Holiday | null } };
  export default lunar;
}
