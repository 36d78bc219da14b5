// One question with a few answers, as big radio rows (zmp-ui Radio inside a fieldset, so the
// question names the group for screen readers).
import { Radio } from "zmp-ui";

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

interface ChoiceGroupProps<T extends string> {
  question: string;
  /** the page's first question is its <h1> */
  level: 1 | 2;
  name: string;
  options: ReadonlyArray<ChoiceOption<T>>;
  value: T | null;
  onChange: (value: T) => void;
  error?: string | null;
}

export function ChoiceGroup<T extends string>({ question, level, name, options, value, onChange, error }: ChoiceGroupProps<T>) {
  const Heading = level === 1 ? "h1" : "h2";
  const errorId = `${name}-error`;
  return (
    <fieldset className="choice-list" aria-describedby={error ? errorId : undefined}>
      <legend>
        <Heading>{question}</Heading>
      </legend>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
      {options.map((option) => (
        <Radio
          key={option.value}
          className={value === option.value ? "choice is-checked" : "choice"}
          name={name}
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
          label={option.label}
        />
      ))}
    </fieldset>
  );
}
